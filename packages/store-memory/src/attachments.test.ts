/** The in-memory attachment store runs the shared AttachmentStore contract suite. */
import { describeAttachmentStoreContract } from "@ticketfold/testing/store-contract";
import { createInMemoryAttachmentStore } from "./attachments.js";

describeAttachmentStoreContract("in-memory", async () => ({ store: createInMemoryAttachmentStore() }));
