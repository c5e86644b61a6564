/**
 * 整户保 / 单人保 (2021办法): a qualifying family is covered as a whole. Single-person cover only for a member of a
 * 低保边缘家庭 who has a grade 1–2 disability, a grade 3 intellectual or mental disability, or a serious illness.
 */
export interface CoverCandidate {
  name: string;
  state: string;
  health: string;
  disabilityType: string;
  disabilityGrade: number | null;
}

export type CoverCheck = { ok: true } | { ok: false; reason: string };

export function qualifiesForSingleCover(m: CoverCandidate): boolean {
  const grade = m.disabilityGrade ?? 0;
  if (grade === 1 || grade === 2) return true;
  if (grade === 3 && (m.disabilityType === '智力' || m.disabilityType === '精神')) return true;
  return m.health === '重病' || m.health === '残疾且患病';
}

/** Checks a cover choice; `covered` are the members the office wants to cover. */
export function checkCoverage(mode: string, edgeFamily: boolean, covered: CoverCandidate[]): CoverCheck {
  if (mode === '整户保') return { ok: true };
  if (mode !== '单人保') return { ok: false, reason: `未知的保障方式“${mode}”` };
  if (!edgeFamily) return { ok: false, reason: '单人保只适用于低保边缘家庭中的重度残疾人或重病患者；本户未登记为低保边缘家庭，应整户保' };
  if (covered.length === 0) return { ok: false, reason: '单人保至少要选定一名保障对象' };
  const gone = covered.find((m) => m.state !== '在户');
  if (gone) return { ok: false, reason: `${gone.name}已${gone.state}，不能作为保障对象` };
  const not = covered.filter((m) => !qualifiesForSingleCover(m));
  if (not.length > 0) {
    return { ok: false, reason: `${not.map((m) => m.name).join('、')}不符合单人保条件（须为一、二级残疾，三级智力或精神残疾，或患重病）` };
  }
  return { ok: true };
}
