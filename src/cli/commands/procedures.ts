/** `otkaz procedures [--country DE]`: the asylum procedure models, stage by stage, with the deadline rules they start. */
import type { Command } from 'commander';
import { listProceduresOperation } from '../../operations/procedures/list.ts';
import { bindCommand } from '../bind.ts';

export function registerProcedures(program: Command): void {
  bindCommand(
    program.command('procedures').description('asylum procedures per destination: stages, authorities, outcomes, deadline rules'),
    listProceduresOperation,
    {
      flags: { country: ['--country <code>', 'one destination, e.g. DE'] },
      text: (r) =>
        r.countries
          .flatMap((c) => [
            `${c.country} ${c.name.en} (checked ${c.checkedOn})`,
            ...c.procedures.flatMap((p) => [
              `  ${p.id}: ${p.name.en}`,
              ...p.stages.map(
                (s) =>
                  `    ${s.id} — ${s.authority.en}: ${s.outcomes.map((o) => (o.deadlineRules.length ? `${o.id} [${o.deadlineRules.join(', ')}]` : o.id)).join(', ')}`,
              ),
            ]),
          ])
          .join('\n'),
    },
  );
}
