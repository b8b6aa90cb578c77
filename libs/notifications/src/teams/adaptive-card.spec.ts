import { adaptiveCard } from './adaptive-card';

/** Every object of the card with a `type`, however deep. */
function elements(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(elements);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return [...(object.type ? [object] : []), ...Object.values(object).flatMap(elements)];
}

describe('an Adaptive Card of Standpoint', () => {
  it('writes what people wrote as TextRuns, which Teams never reads as markdown', () => {
    const written = '[Approve here](https://evil.example) **now**';
    const card = adaptiveCard({
      title: written,
      subtitle: `Acme · ${written}`,
      tone: 'attention',
      facts: [{ title: 'Proposal', value: written }],
      text: written,
      link: { title: 'Open the proposal', url: 'https://standpoint.example.com/proposals/p1' },
    });
    const all = elements(card.body);
    expect(all.map((e) => e.type)).not.toContain('TextBlock');
    expect(all.map((e) => e.type)).not.toContain('FactSet');
    const runs = all.filter((e) => e.type === 'TextRun').map((e) => e.text as string);
    expect(runs.filter((text) => text.includes(written))).toHaveLength(4);
    expect(runs).toContain('Proposal');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open the proposal',
        url: 'https://standpoint.example.com/proposals/p1',
      },
    ]);
  });
});
