/**
 * Re-runs a published lottery draw from its seed and applicant list, so anyone can check the
 * result without trusting the server:
 *
 *   pnpm lottery:verify --seed <hex> --seats <n> --applicants 1,2,3,… [--priority 2,5]
 *
 * Prints each application's ticket (SHA-256 of `seed:number`), then the winners and the waitlist.
 */
import { parseArgs } from 'node:util';
import { drawLottery } from '@seoro/domain';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    seats: { type: 'string' },
    applicants: { type: 'string' },
    priority: { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
  },
});

const numbers = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);

if (!values.seed || !values.seats || !values.applicants) {
  console.error(
    'Usage: pnpm lottery:verify --seed <hex> --seats <n> --applicants 1,2,3 [--priority 2,5] [--json]',
  );
  process.exit(2);
}
const priority = new Set(numbers(values.priority));
try {
  const result = drawLottery({
    seed: values.seed,
    seats: Number(values.seats),
    applicants: numbers(values.applicants).map((no) => ({ no, priority: priority.has(no) })),
  });
  if (values.json) {
    console.log(JSON.stringify({ winners: result.winners, waitlist: result.waitlist }));
  } else {
    for (const [no, ticket] of Object.entries(result.tickets)) {
      console.log(`application ${no}${priority.has(Number(no)) ? ' (priority)' : ''}: ${ticket}`);
    }
    console.log(`winners:  ${result.winners.join(', ') || '-'}`);
    console.log(`waitlist: ${result.waitlist.join(', ') || '-'}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
