// A local SMTP server for the reminder tests (smtp-server: no TLS, no auth, 127.0.0.1 only), keeping every message;
// `refuse` makes it reject a recipient (550), as a mailbox that does not exist.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  mail: ParsedMail;
}

export interface LocalSmtp {
  url: string;
  inbox: Received[];
  refuse: Set<string>;
  close(): Promise<void>;
}

/** Listens on `port` (default: any free one): a test can close it and listen again on the same port (an outage). */
export async function localSmtp(port = 0): Promise<LocalSmtp> {
  const inbox: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    closeTimeout: 1000,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${bound}`, inbox, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
