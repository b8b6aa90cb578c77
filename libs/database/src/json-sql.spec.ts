import { jsonArrayHolds, jsonText } from './json-sql';

describe('JSON in SQL', () => {
  it('tests an array, or an array member of an object, for a bound string, per dialect', () => {
    expect(jsonArrayHolds('sqlite', 's.ids', 'viewer')).toBe(
      'EXISTS (SELECT 1 FROM json_each(s.ids) WHERE json_each.value = :viewer)',
    );
    expect(jsonArrayHolds('sqlite', 's.definition', 'viewer', 'approverIds')).toBe(
      "EXISTS (SELECT 1 FROM json_each(s.definition, '$.approverIds') WHERE json_each.value = :viewer)",
    );
    expect(jsonArrayHolds('postgres', 's.ids', 'viewer')).toBe(
      's.ids @> jsonb_build_array(CAST(:viewer AS text))',
    );
    expect(jsonArrayHolds('postgres', 's.definition', 'viewer', 'approverIds')).toBe(
      "(s.definition -> 'approverIds') @> jsonb_build_array(CAST(:viewer AS text))",
    );
  });

  it('reads a member as text, per dialect', () => {
    expect(jsonText('sqlite', 's.definition', 'role')).toBe("json_extract(s.definition, '$.role')");
    expect(jsonText('postgres', 's.definition', 'role')).toBe("(s.definition ->> 'role')");
  });

  it.each(["role') OR 1=1 --", 'a.b', '', '1st'])(
    'writes no key that is not a plain name: %j',
    (key) => {
      expect(() => jsonText('sqlite', 's.definition', key)).toThrow(RangeError);
      expect(() => jsonArrayHolds('postgres', 's.definition', 'viewer', key)).toThrow(RangeError);
    },
  );
});
