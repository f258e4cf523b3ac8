/**
 * @ticketfold/notify-email — notification intents as mail over SMTP (nodemailer), with
 * English, German and Russian templates, the ticket tag in the subject and thread headers.
 */
export * from "./channel.js";
export * from "./compose.js";
export * from "./errors.js";
export * from "./headers.js";
export * from "./render.js";
export * from "./templates/index.js";
