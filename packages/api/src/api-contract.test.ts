import { describe, expect, it } from 'vitest';
import { API_CONTRACT_FILE, readApiContract, renderApiContract } from '../scripts/api-contract';

describe('the API contract document', () => {
  // Rendering reads every router's source with the TypeScript compiler: slow on a busy machine.
  it('is what the router generates', { timeout: 90_000 }, async () => {
    const generated = await renderApiContract();
    expect(
      await readApiContract(),
      `${API_CONTRACT_FILE} differs from the router: run pnpm api:contract`,
    ).toBe(generated);
  });
});
