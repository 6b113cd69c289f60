/** What a log line must never carry: an e-mail address or a phone number (10 digits or more). */
export const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/u;
export const PHONE_PATTERN = /(?<![\p{N}A-Za-z_])\+?\d(?:[\s()-]?\d){9,}(?![\p{N}A-Za-z_])/u;
