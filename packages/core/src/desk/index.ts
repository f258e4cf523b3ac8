/** desk/ — `createDesk`: the notifying handler, the timer worker, the outbox dispatcher and the read side in one call. */
export {
  createDesk,
  type Desk,
  type DeskCommand,
  type DeskErrorContext,
  type DeskErrorHandler,
  type DeskHandleOptions,
  type DeskOptions,
  type DeskPolling,
  type DeskSignal,
  type DeskStartOptions,
  type DeskStore,
  type DeskWorker,
  DeskWorkerError,
  type DeskWorkers,
  policyLookupOf,
  type ReadSideRunner,
} from "./desk.js";
export type { DeskPersonalData, ReadModelPurge } from "./personal-data.js";
