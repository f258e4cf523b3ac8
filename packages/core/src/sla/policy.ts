/** Placeholder: the SLA part of a policy (metrics, targets, warnings, ladder, timers). */
import * as t from "io-ts";

export const SlaPolicyC = t.UnknownRecord;
