import { existsSync } from 'node:fs';
/**
 * `npm start` / `otkaz serve`: opens the database, syncs the court directory and the guidance knowledge base,
 * serves the HTTP API (src/api), the guidance pages and the web app (web/dist) — and then, in the background,
 * loads the bundled statistics on a first start (the app answers meanwhile; /healthz says `loading`) and
 * runs ANALYZE on the tables filled since the last run (the query planner's view of them), and once a day deletes
 * the client files kept past their organisation's retention (src/casework/retention.ts); with
 * OTKAZ_REMINDER_INTERVAL, it sends the deadline reminders due (src/agenda/reminders.ts) every so many minutes
 * (src/agenda/schedule.ts: one run at a time, nothing twice, a failure logged by its code and tried again).
 */
import type http from 'node:http';
import path from 'node:path';
import { smtpMailer } from '../agenda/mailer.ts';
import { sendReminders } from '../agenda/reminders.ts';
import { reminderSchedule, type Scheduler } from '../agenda/schedule.ts';
import { todayIn } from '../agenda/today.ts';
import type { StartupState } from '../api/context.ts';
import { ensureSnapshot } from '../asylum/snapshot.ts';
import { expiredFiles, purgeExpired, retentionSchedule } from '../casework/retention.ts';
import { caseworkServices, keyringFor } from '../casework/services.ts';
import { tenantWall } from '../casework/tenant.ts';
import type { Config } from '../config/config.ts';
import { reRedactStored } from '../courts/cases/store.ts';
import { loadDirectory } from '../courts/directory/load.ts';
import { syncCourts } from '../courts/directory/sync.ts';
import { refreshPlannerStatistics } from '../db/maintenance.ts';
import { openDatabase, storageTarget } from '../db/open.ts';
import { loadKnowledgeBaseCached } from '../guidance/cache.ts';
import { syncKnowledgeBase } from '../guidance/store.ts';
import { loadProcedures } from '../procedures/load.ts';
import { prepareDataDir } from '../shared/data-dir.ts';
import { personKeyWarnings } from '../shared/person-key.ts';

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Settles when the background work of the start (bundled asylum statistics, ANALYZE, the first retention run) is done. */
  ready: Promise<void>;
  /** Stops accepting requests, lets the ones in flight and the current background step finish, closes the database. */
  stop(): Promise<void>;
}

/** How often the server looks whether the daily retention run is due. */
const RETENTION_CHECK_MS = 3_600_000;

export interface ServerOptions {
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** What runs the reminder sender every OTKAZ_REMINDER_INTERVAL minutes (default: setInterval). */
  readonly scheduler?: Scheduler;
  /** Where the reminder sender's log lines go (default: standard output, and standard error for errors). */
  readonly reminderLog?: { readonly out: (line: string) => void; readonly err: (line: string) => void };
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  // The data folder is its owner's only, checked at every start (src/shared/data-dir.ts).
  for (const warning of [...prepareDataDir(config.dataDir), ...personKeyWarnings(config)]) process.stderr.write(`${warning}\n`);
  // Load the API modules while the database opens (a warm restart should take under 3 s).
  const api = import('../api/app.ts');
  api.catch(() => undefined);
  // The case files' key-encryption key, outside the data folder: created on the first start (src/crypto/kek.ts).
  const kekExisted = config.kek !== undefined || (config.kekFile !== undefined && existsSync(config.kekFile));
  keyringFor(config, true);
  if (!kekExisted)
    process.stdout.write(
      `created the case files' key-encryption key at ${config.kekFile} — keep a copy apart from the data folder: without it the case files cannot be read\n`,
    );
  const db = await openDatabase(storageTarget(config));
  try {
    if (!(await tenantWall(db)))
      process.stderr.write(
        'otkaz: warning: this database does not let otkaz take the role otkaz_member: case files are kept apart by the data layer alone, without row-level security (grant the role, or let the migration create it)\n',
      );
    const directory = loadDirectory();
    await syncCourts(db, directory);
    await reRedactStored(db);
    const { kb, hash } = await loadKnowledgeBaseCached(path.join(config.dataDir, 'cache'));
    await syncKnowledgeBase(db, kb, hash);
    const startup: StartupState = { statistics: 'loading' };
    // The request log (src/api/log.ts: route patterns, no URLs, tokens or names) at OTKAZ_LOG_LEVEL, on standard output.
    const app = await (await api).buildApp({ config, db, directory, kb, startup, logStream: process.stdout });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}/`;
    process.stdout.write(`otkaz is serving at ${url} (${db.engine} database)\n`);

    const stopping = new AbortController();
    // Retention: once a day (by the clock), the files past their organisation's retention are deleted, each audited
    // (src/casework/retention.ts); the first run ends the start's background work.
    const services = caseworkServices(config, null, now);
    const retention = retentionSchedule(async (at) => {
      if ((await expiredFiles(db, at)).length === 0) return;
      const purged = await purgeExpired(db, services.audit, at);
      process.stdout.write(`retention: purged ${purged.length} client file(s)\n`);
    }, now);
    let retentionRun: Promise<unknown> = Promise.resolve();
    const runRetention = () => {
      if (stopping.signal.aborted) return retentionRun;
      retentionRun = retention.tick().catch((error: unknown) => process.stderr.write(`otkaz: retention not applied: ${(error as Error).message}\n`));
      return retentionRun;
    };
    const ready = (async () => {
      try {
        const loaded = await ensureSnapshot(db, undefined, stopping.signal);
        startup.statistics = 'ready';
        if (loaded.length)
          process.stdout.write(`loaded the bundled statistics: ${loaded.length} files, ${loaded.reduce((n, r) => n + r.observations, 0)} observations\n`);
      } catch (error) {
        startup.statistics = 'failed';
        process.stderr.write(`otkaz: the bundled statistics were not loaded: ${(error as Error).message}\n`);
      }
      // Planner statistics of tables filled since the last run (src/db/maintenance.ts), once the first pages are served.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        stopping.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (stopping.signal.aborted) return;
      try {
        const done = await refreshPlannerStatistics(db);
        if (done.length) process.stdout.write(`refreshed planner statistics: ${done.map((d) => `${d.table} (${d.ms} ms)`).join(', ')}\n`);
      } catch (error) {
        process.stderr.write(`otkaz: planner statistics not refreshed: ${(error as Error).message}\n`);
      }
      await runRetention();
    })();
    const retentionTimer = setInterval(runRetention, RETENTION_CHECK_MS);
    retentionTimer.unref();
    // Reminders: every OTKAZ_REMINDER_INTERVAL minutes (off by default, and without OTKAZ_SMTP_URL), the e-mails
    // due today, each run on a new SMTP connection; the log says how many were sent, never to whom or about what.
    const { smtpUrl, mailFrom } = config;
    const reminders = reminderSchedule({
      everyMinutes: smtpUrl && mailFrom ? config.reminderInterval : 0,
      scheduler: options.scheduler,
      run: async () => {
        const mailer = smtpMailer(smtpUrl ?? '', mailFrom ?? '');
        try {
          return await sendReminders(
            { db, keyring: services.keyring, audit: services.audit, catalogue: loadProcedures(), mailer, now },
            { today: todayIn(config.timeZone, now()), days: config.reminderDays, dryRun: false, publicUrl: config.publicUrl },
          );
        } finally {
          mailer.close();
        }
      },
      out: options.reminderLog?.out ?? ((line) => process.stdout.write(`${line}\n`)),
      err: options.reminderLog?.err ?? ((line) => process.stderr.write(`${line}\n`)),
    });
    let stopped: Promise<void> | null = null;
    const stop = () => {
      stopping.abort();
      clearInterval(retentionTimer);
      const remindersStopped = reminders.stop();
      stopped ??= app
        .close()
        .then(() => ready)
        .then(() => retentionRun)
        .then(() => remindersStopped)
        .then(() => db.close());
      return stopped;
    };
    return { server: app.server, url, ready, stop };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
