// Writes src/seed/history-sample.csv: an illustrative record of Seoroseoro School's past terms,
// 2015-1 to 2025-2, whose totals match what the district reports: 275 courses, 3,144 learners and
// 217 resident instructors (some teach several terms). The figures are invented but plausible;
// the same seed always gives the same file. Run: node packages/db/scripts/generate-history-sample.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TOTAL_COURSES = 275;
export const TOTAL_LEARNERS = 3144;
export const TOTAL_INSTRUCTORS = 217;

/** Courses per term: a slow start, growth, almost nothing in 2020 (COVID-19), then recovery. */
const TERMS = [
  ['2015-1', 8],
  ['2015-2', 9],
  ['2016-1', 10],
  ['2016-2', 11],
  ['2017-1', 12],
  ['2017-2', 12],
  ['2018-1', 14],
  ['2018-2', 14],
  ['2019-1', 16],
  ['2019-2', 16],
  ['2020-1', 2],
  ['2020-2', 4],
  ['2021-1', 10],
  ['2021-2', 12],
  ['2022-1', 14],
  ['2022-2', 16],
  ['2023-1', 16],
  ['2023-2', 16],
  ['2024-1', 17],
  ['2024-2', 16],
  ['2025-1', 15],
  ['2025-2', 15],
];

/** Course titles by field; an instructor keeps a title across terms. */
const TITLES = {
  생활: [
    '생활 속 정리수납',
    '동네 텃밭 가꾸기',
    '우리 집 반찬 만들기',
    '생활 목공 기초',
    '천연 세제 만들기',
    '손바느질 생활 소품',
    '반려식물 키우기',
    '제철 밑반찬 교실',
    '생활 법률 상식',
    '절약하는 살림 가계부',
  ],
  인문: [
    '용산 마을 역사 산책',
    '그림책 함께 읽기',
    '시 쓰는 저녁',
    '자서전 쓰기',
    '고전 소설 함께 읽기',
    '우리 동네 이야기 기록',
    '생활 영어 회화',
    '생활 일본어 첫걸음',
    '한자 교양 강좌',
    '신문으로 세상 읽기',
  ],
  예술: [
    '수채화 기초',
    '캘리그라피',
    '민화 그리기',
    '통기타 첫걸음',
    '우쿨렐레 합주',
    '동네 합창단',
    '연필 스케치',
    '사진으로 기록하는 용산',
    '도예 입문',
    '한지 공예',
  ],
  건강: [
    '아침 요가',
    '시니어 건강 체조',
    '걷기 모임과 바른 자세',
    '라인댄스',
    '마음 챙김 명상',
    '건강한 식단 만들기',
    '치매 예방 두뇌 놀이',
    '생활 스트레칭',
    '탁구 교실',
    '웃음 치료',
  ],
  디지털: [
    '스마트폰 첫걸음',
    '키오스크 사용 연습',
    '사진 정리와 공유',
    '영상 통화와 메신저',
    '유튜브 영상 만들기',
    '컴퓨터 기초',
    '온라인 민원과 뱅킹',
    '디지털 사기 예방',
    '인공지능 도구 체험',
    '블로그로 기록하기',
  ],
};

const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
  '전',
  '홍',
  '유',
  '고',
  '문',
  '양',
  '손',
  '배',
  '백',
  '허',
  '남',
  '심',
];
const GIVEN = [
  '민준',
  '서연',
  '지훈',
  '영숙',
  '정희',
  '순자',
  '미경',
  '현우',
  '은정',
  '상철',
  '경자',
  '옥순',
  '동현',
  '수진',
  '재훈',
  '혜진',
  '명숙',
  '성호',
  '미영',
  '태호',
  '지영',
  '춘자',
  '광수',
  '영희',
  '기순',
  '승민',
  '보람',
  '다은',
  '정수',
  '말순',
];

/** Seeded PRNG (mulberry32): deterministic, good enough for invented figures. */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample's rows, as objects, in term order. */
export function generateHistorySample(seed = 20150301) {
  const random = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  if (TERMS.reduce((n, [, c]) => n + c, 0) !== TOTAL_COURSES) throw new Error('term counts');

  // Distinct names, shuffled.
  const names = [];
  for (const s of SURNAMES) for (const g of GIVEN) names.push(s + g);
  for (let i = names.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  const fields = Object.keys(TITLES);

  const instructors = []; // { name, title }
  const rows = [];
  let slotsLeft = TOTAL_COURSES;
  for (const [termKey, count] of TERMS) {
    const covid = termKey.startsWith('2020');
    const thisTerm = new Set();
    const titlesThisTerm = new Set();
    for (let k = 0; k < count; k += 1) {
      const newNeeded = TOTAL_INSTRUCTORS - instructors.length;
      const returning = instructors.filter(
        (p) => !thisTerm.has(p.name) && !titlesThisTerm.has(p.title),
      );
      const mustBeNew = newNeeded >= slotsLeft || returning.length === 0;
      const reuse = !mustBeNew && (newNeeded === 0 || random() < 1 - newNeeded / slotsLeft);
      let teacher;
      if (reuse) {
        teacher = pick(returning);
      } else {
        let title;
        do title = pick(TITLES[pick(fields)]);
        while (titlesThisTerm.has(title));
        teacher = { name: names[instructors.length], title };
        instructors.push(teacher);
      }
      thisTerm.add(teacher.name);
      titlesThisTerm.add(teacher.title);
      slotsLeft -= 1;
      rows.push({
        termKey,
        title: covid ? `${teacher.title} (비대면)` : teacher.title,
        instructor: teacher.name,
        learners: covid ? int(5, 9) : int(8, 15),
        covid,
      });
    }
  }

  // Nudge learner counts (staying within 5..18) until the total is exactly TOTAL_LEARNERS.
  let total = rows.reduce((n, r) => n + r.learners, 0);
  while (total !== TOTAL_LEARNERS) {
    const r = pick(rows);
    if (total < TOTAL_LEARNERS && r.learners < 18 && !r.covid) {
      r.learners += 1;
      total += 1;
    } else if (total > TOTAL_LEARNERS && r.learners > 8 && !r.covid) {
      r.learners -= 1;
      total -= 1;
    }
  }

  return rows.map((r) => {
    const meetings = r.covid ? pick([4, 6]) : pick([4, 6, 8, 8, 10, 10, 12]);
    const attendances = Math.round(r.learners * meetings * (0.72 + random() * 0.23));
    const completed = Math.min(r.learners, Math.round(r.learners * (0.6 + random() * 0.35)));
    return {
      termKey: r.termKey,
      title: r.title,
      instructor: r.instructor,
      learners: r.learners,
      meetings,
      attendances,
      completed,
    };
  });
}

const csvCell = (value) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The sample as CSV text (UTF-8, no byte-order mark, LF line ends). */
export function historySampleCsv(rows = generateHistorySample()) {
  const header = ['기수', '강좌명', '강사', '수강생 수', '회차', '출석 연인원', '수료생'];
  const lines = [
    header,
    ...rows.map((r) => [
      r.termKey,
      r.title,
      r.instructor,
      r.learners,
      r.meetings,
      r.attendances,
      r.completed,
    ]),
  ];
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = new URL('../src/seed/history-sample.csv', import.meta.url);
  writeFileSync(target, historySampleCsv());
  console.log(`wrote ${fileURLToPath(target)}`);
}
