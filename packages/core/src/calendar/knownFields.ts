/**
 * Refuses fields a calendar shape does not know. A typo such as `"thur"` or `"holiday"` must
 * not silently close a day or drop the holidays, so it is a decode error naming the field.
 * The check is shared with policies (shared/known-fields.ts).
 */
export { knownFields } from "../shared/known-fields.js";
