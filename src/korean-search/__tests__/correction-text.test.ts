import { describe, expect, it } from 'vitest';
import { asTypedLabel, correctionText } from '../core/correction-text';

describe('what a search says of a correction', () => {
  it('one correction: the query searched, with 으로/로 after its last sound', () => {
    expect(correctionText({ from: '인공지눙', to: '인공지능' })).toBe('‘인공지능’으로 찾은 결과입니다');
    expect(correctionText({ from: '바이오위원희', to: '바이오위원회' })).toBe('‘바이오위원회’로 찾은 결과입니다');
    expect(asTypedLabel({ from: '바이오위원희', to: '바이오위원회' })).toBe('‘바이오위원희’로 찾기');
  });

  it('several candidates searched together', () => {
    expect(correctionText({ from: '통신뱨', to: '통신비', similar: { words: ['통신뱨'], candidates: ['통신비', '통신부'] } })).toBe(
      '‘통신뱨’와 비슷한 말(통신비, 통신부)로 찾은 결과입니다',
    );
  });

  it('pages added after the results as typed: each particle follows the word it stands after, and the link searches as typed only', () => {
    const correction = { from: 'UI 표면하기', to: 'UI 표현하기', similar: { words: ['표면'], candidates: ['표현'], withTyped: true } };
    expect(correctionText(correction)).toBe('‘표면’과 비슷한 말 ‘표현’이 제목에 들어 있는 페이지도 결과 뒤에 함께 보여 줍니다');
    expect(correctionText({ ...correction, similar: { words: ['루가'], candidates: ['추가'], withTyped: true } })).toContain('‘루가’와 비슷한 말 ‘추가’가');
    expect(asTypedLabel(correction)).toBe('‘UI 표면하기’로만 찾기');
  });
});
