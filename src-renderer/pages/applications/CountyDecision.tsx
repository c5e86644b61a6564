import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from '../../components/DateField';

/** The county's 审核确认 decision as the township enters it from the county's reply (the case is not delegated). */
export interface CountyDecisionValue { decider: string; unit: string; documentNo: string; decidedOn: string }
export const emptyCountyDecision = (unit = ''): CountyDecisionValue => ({ decider: '', unit, documentNo: '', decidedOn: '' });

/**
 * Four fields under a heading that says why they are asked for; each shows main's error under itself
 * (errors keyed 'county.decider' … as fieldErrors() returns them).
 */
export function CountyDecisionFields({ value, onChange, errors }: {
  value: CountyDecisionValue; onChange: (v: CountyDecisionValue) => void; errors: Record<string, string>;
}) {
  const set = (k: keyof CountyDecisionValue) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <Fieldset legend="县级民政部门的决定（本案审核确认权限未下放乡镇，按县级复函登记）" data-testid="county-decision">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="县级审核确认人" required value={value.decider} error={errors['county.decider']} onChange={(e) => set('decider')(e.currentTarget.value)} />
        <TextInput label="县级民政部门（单位）" required value={value.unit} error={errors['county.unit']} onChange={(e) => set('unit')(e.currentTarget.value)} />
        <TextInput label="文号" required value={value.documentNo} error={errors['county.documentNo']} placeholder="如 示民发〔2026〕12号"
          onChange={(e) => set('documentNo')(e.currentTarget.value)} />
        <DateField label="县级决定日期" required value={value.decidedOn} error={errors['county.decidedOn']} onChange={set('decidedOn')} />
      </SimpleGrid>
    </Fieldset>
  );
}
