/**
 * Sending e-mail through the installation's SMTP server (OTKAZ_SMTP_URL, with nodemailer). Nothing of a message is
 * logged; a failure is reported by its code (e.g. ECONNECTION, EENVELOPE) — never by the server's text, which may
 * quote the recipient's address.
 */
import nodemailer from 'nodemailer';
import type { Language } from './messages.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly language: Language;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.language },
        // The message is built from text only: no file or URL is ever read into it.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transport.close(),
  };
}

/** The code of a sending failure, for a report or a log line (never its message). */
export function failureCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'ESEND';
}
