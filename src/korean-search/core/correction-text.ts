/**
 * What a search says of a typo correction, in one place for the search page and
 * `npm run search:explain`: 「‘인공지능’으로 찾은 결과입니다」, with several candidates
 * 「‘교능’과 비슷한 말(기능, 가능)로 찾은 결과입니다」, and after the results as typed
 * 「‘표면’과 비슷한 말 ‘표현’이 제목에 들어 있는 페이지도 결과 뒤에 함께 보여 줍니다」.
 */
import { josa } from 'es-hangul';

export interface CorrectionFacts {
  /** The query as typed. */
  from: string;
  /** The query searched instead (with `withTyped`, the first candidate query that added a page). */
  to: string;
  similar?: { words: string[]; candidates: string[]; withTyped?: boolean };
}

type Particle = Parameters<typeof josa>[1];

/** `words` quoted and joined, with the particle that fits the last one. */
function quotedWith(words: readonly string[], particle: Particle): string {
  const last = words.at(-1) ?? '';
  return `‘${words.join('’, ‘')}’${josa(last, particle).slice(last.length)}`;
}

export function correctionText({ to, similar }: CorrectionFacts): string {
  if (similar?.withTyped)
    return `${quotedWith(similar.words, '와/과')} 비슷한 말 ${quotedWith(similar.candidates, '이/가')} 제목에 들어 있는 페이지도 결과 뒤에 함께 보여 줍니다`;
  if (similar) return `${quotedWith(similar.words, '와/과')} 비슷한 말(${similar.candidates.join(', ')})로 찾은 결과입니다`;
  return `${quotedWith([to], '으로/로')} 찾은 결과입니다`;
}

/** The label of the link that searches the words as typed. */
export function asTypedLabel({ from, similar }: CorrectionFacts): string {
  return `${quotedWith([from], '으로/로')}${similar?.withTyped ? '만' : ''} 찾기`;
}
