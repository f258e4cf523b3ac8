/**
 * The one place the demo makes its event store. Today it is the in-memory store; swapping
 * in another adapter (PGlite, PostgreSQL) changes only this file.
 */
import type { EventStore } from "@ticketfold/core";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import type { SimulatedClock } from "./clock.js";

/** Creates the store; `recordedAt` follows the simulated clock so the whole run is replayable. */
export const createStore = (clock: SimulatedClock): EventStore => createInMemoryEventStore({ now: clock.now });
