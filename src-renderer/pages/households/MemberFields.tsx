import { Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { opts, type Options } from './useOptions';

export interface MemberDraft {
  name: string; idNumber: string; relation: string; health: string; illnessType: string; disabilityType: string;
  disabilityGrade: number | null; disabilityCertNo: string; labourCapacity: string; employment: string; school: string; hukou: string; phone: string;
}
export const emptyMember = (relation = ''): MemberDraft => ({ name: '', idNumber: '', relation, health: '健康', illnessType: '', disabilityType: '',
  disabilityGrade: null, disabilityCertNo: '', labourCapacity: '有', employment: '', school: '', hukou: '', phone: '' });

/** The member facts other than name and ID (health, disability, labour, school, 户籍, phone). */
export function MemberFacts({ m, set, options, err = () => undefined }: { m: MemberDraft; set: (p: Partial<MemberDraft>) => void; options: Options;
  /** main's message for a field of this member ('health' …), shown under it */
  err?: (field: keyof MemberDraft) => string | undefined }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Select label="健康状况" data={opts(options.health)} value={m.health} onChange={(v) => set({ health: v ?? '健康' })} allowDeselect={false} error={err('health')} />
      <TextInput label="疾病类型" value={m.illnessType} onChange={(e) => set({ illnessType: e.currentTarget.value })} error={err('illnessType')} />
      <Select label="残疾类别" clearable data={opts(options.disabilityTypes)} value={m.disabilityType || null} onChange={(v) => set({ disabilityType: v ?? '' })} error={err('disabilityType')} />
      <Group grow gap="xs">
        <NumberInput label="残疾等级" min={1} max={4} value={m.disabilityGrade ?? ''} onChange={(v) => set({ disabilityGrade: typeof v === 'number' ? v : null })} error={err('disabilityGrade')} />
        <TextInput label="残疾证号" value={m.disabilityCertNo} onChange={(e) => set({ disabilityCertNo: e.currentTarget.value })} error={err('disabilityCertNo')} />
      </Group>
      <Select label="劳动能力" data={opts(options.labour)} value={m.labourCapacity} onChange={(v) => set({ labourCapacity: v ?? '有' })} allowDeselect={false} error={err('labourCapacity')} />
      <TextInput label="就业状况" value={m.employment} onChange={(e) => set({ employment: e.currentTarget.value })} error={err('employment')} />
      <TextInput label="就学情况" value={m.school} onChange={(e) => set({ school: e.currentTarget.value })} error={err('school')} />
      <TextInput label="户籍" value={m.hukou} onChange={(e) => set({ hukou: e.currentTarget.value })} error={err('hukou')} />
      <TextInput label="联系电话" value={m.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={err('phone')} />
    </SimpleGrid>
  );
}

/** Drops empty optional values so main's defaults apply. */
export function memberInput(m: MemberDraft) {
  return { ...m, disabilityType: m.disabilityType as '', relation: m.relation as '配偶', health: m.health as '健康', labourCapacity: m.labourCapacity as '有' };
}
