/**
 * What a sentence says about a person that must not be published next to their name.
 * Health (illness, disability) is 敏感个人信息 under the 个人信息保护法 (art. 28) and is never
 * needed on a notice board; hardship (relief, 低保/特困, income, debt, family situation) may
 * appear in a lawful 公示 with the person's consent, so it is only a reminder.
 */
export type SensitiveTopic = 'health' | 'hardship';

const HEALTH =
  /患|病(?!故)|癌|肿瘤|尿毒症|透析|高血压|糖尿病|脑梗|脑出血|中风|偏瘫|瘫痪|卧床|住院|手术|骨折|抑郁|精神障碍|精神分裂|精神疾病|艾滋|HIV|乙肝|肝炎|结核|失明|失聪|聋哑|智力障碍|智障|自闭症|医疗费|医药费|治疗|化疗|晕倒|残疾|残障|伤残|[一二三四1-4]级残|残疾证|阿尔茨海默|老年痴呆/;

const HARDSHIP =
  /救助|补助|补贴|慰问金|救济|低保|特困|五保|低收入|贫困|困难户|帮扶资金|\d+(?:\.\d+)?\s*万?元|收入|工资|月入|年入|存款|欠|债|贷款|借款|离异|离婚|丧偶|去世|病故|独居|孤寡|单亲|服刑|刑满|吸毒|戒毒|失业|下岗|无业|留守|孤儿|空巢|家暴|改嫁|无子女|无儿无女|上访|信访/;

/** The gravest topic a sentence mentions, or undefined when it mentions none. */
export function sensitiveTopic(sentence: string): SensitiveTopic | undefined {
  if (HEALTH.test(sentence)) return 'health';
  if (HARDSHIP.test(sentence)) return 'hardship';
  return undefined;
}
