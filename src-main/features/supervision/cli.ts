import type { CliVerbs } from '../../cli/verbs';
import { CLI_ACTOR } from '../../services';

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** CLI verbs of the supervision feature; they go through the same channels as the window. */
export const supervisionVerbs: CliVerbs = {
  'relatives scan': {
    help: 'relatives scan — 全面比对：全部登记的近亲属与全部家庭成员（按身份证号），新发现的列入备案台账',
    async run(_a, env) {
      const r = await env.services().router.call({ channel: 'supervision.cases.rescan', input: {}, actor: CLI_ACTOR });
      env.out(r);
      return r.ok ? 0 : 1;
    },
  },
  'relatives spotcheck': {
    help: 'relatives spotcheck --size N [--seed S] [--title 名称] — 随机抽取在保的近亲属备案户；或 --verify ID 按种子复核一次已有抽查',
    async run({ flags }, env) {
      const router = env.services().router;
      const verify = str(flags.verify);
      const r = verify
        ? await router.call({ channel: 'supervision.spotChecks.get', input: { id: Number(verify) }, actor: CLI_ACTOR })
        : await router.call({ channel: 'supervision.spotChecks.draw', actor: CLI_ACTOR, input: {
          title: str(flags.title) ?? '近亲属备案抽查', sampleSize: Number(str(flags.size) ?? 5), ...(str(flags.seed) ? { seed: Number(flags.seed) } : {}) } });
      env.out(r);
      return r.ok && (!verify || (r.value as { reproducible: boolean }).reproducible) ? 0 : 1;
    },
  },
};
