// The sizes Telegram allows, so the checker rejects oversized content before Telegram would.
// Lengths are measured on the HTML string, which is never shorter than the text Telegram counts.

export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
/** Longer titles are cut off on a phone's inline keyboard. */
export const BUTTON_TITLE_LIMIT = 60;
/** Bots may upload files of up to 50 MB. */
export const DOCUMENT_SIZE_LIMIT = 50 * 1024 * 1024;
/** Room kept free in a message or caption for the title and the words a view adds around a text. */
export const HEADER_ROOM = 512;
