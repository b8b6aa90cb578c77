import { teamsRecipientOf, teamsSettingsOf } from './teams-url';

describe('a Teams workflow as it may be shown', () => {
  const url = new URL(
    'https://prod-12.westeurope.logic.azure.com:443/workflows/5f3c/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx8Qv3LmN0pR7sT2uW5yA1bC4dE6fG9hJkLmNoPqRsT',
  );

  it('is its host and the last four characters of its URL, never its signature', () => {
    const settings = teamsSettingsOf(url);
    expect(settings).toEqual({ host: 'prod-12.westeurope.logic.azure.com', hint: '…qRsT' });
    const shown = teamsRecipientOf(settings);
    expect(shown).toBe('Teams workflow at prod-12.westeurope.logic.azure.com (…qRsT)');
    expect(shown).not.toContain(url.searchParams.get('sig')!.slice(0, 8));
    expect(shown).not.toContain('/workflows/');
  });
});
