/**
 * The five courses of Seoroseoro School's 2026 first session (1기), as published by Yongsan-gu.
 * Titles are the published Korean ones with our English translations; descriptions, instructors
 * and slots are ours (schedules were not published), chosen so Lecture Room 3 never double-books.
 */
export interface DemoCourse {
  key: string;
  titleKo: string;
  titleEn: string;
  summaryKo: string;
  summaryEn: string;
  descriptionKo: string;
  descriptionEn: string;
  materialsNoteKo: string | null;
  materialsNoteEn: string | null;
  /** `nameEn`: the name in Latin letters for English pages (Revised Romanization, family name first). */
  instructor: { name: string; nameEn: string; bioKo: string; bioEn: string };
  /** Weekday (0 = Sunday) and KST times of the weekly slot in the 2026 first session. */
  weekday: number;
  startTime: string;
  endTime: string;
}

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'tax',
    titleKo: '알아두면 쓸모있는 세금 꿀팁',
    titleEn: 'Helpful Tax Tips',
    summaryKo: '연말정산부터 재산세까지, 생활 속 세금을 쉽게 풀어 드립니다.',
    summaryEn: 'From year-end tax settlement to property tax: everyday taxes made simple.',
    descriptionKo:
      '연말정산 공제 항목 챙기기, 종합소득세 신고 기초, 재산세·자동차세 고지서 읽는 법, 홈택스 사용법까지 생활에 꼭 필요한 세금 이야기를 나눕니다. 궁금한 고지서가 있다면 가져오셔도 좋습니다.',
    descriptionEn:
      'Claiming deductions at year-end settlement, the basics of filing income tax, reading property and car tax bills, and using the Hometax site. Bring a bill you have questions about.',
    materialsNoteKo: null,
    materialsNoteEn: null,
    instructor: {
      name: '정미경',
      nameEn: 'Jeong Mi-gyeong',
      bioKo: '용산구 주민, 세무사로 20년간 일했습니다.',
      bioEn: 'A Yongsan resident who worked as a tax accountant for 20 years.',
    },
    weekday: 4,
    startTime: '10:00',
    endTime: '12:00',
  },
  {
    key: 'calligraphy',
    titleKo: '캘리그라피',
    titleEn: 'Calligraphy',
    summaryKo: '붓펜 하나로 나만의 손글씨를 완성해 봅니다.',
    summaryEn: 'Create your own lettering style with a single brush pen.',
    descriptionKo:
      '붓펜 잡는 법과 기본 획부터 시작해 자음·모음의 조화, 짧은 문구 쓰기, 엽서와 액자 작품 만들기까지 차근차근 배웁니다. 처음 붓을 잡는 분도 환영합니다.',
    descriptionEn:
      'Start with holding the brush pen and basic strokes, then balance consonants and vowels, write short phrases and finish postcards and a framed piece. Complete beginners welcome.',
    materialsNoteKo: '재료비 별도 10,000원',
    materialsNoteEn: 'Materials extra: KRW 10,000',
    instructor: {
      name: '이서연',
      nameEn: 'Lee Seo-yeon',
      bioKo: '손글씨 작가, 동네 책방에서 캘리그라피 모임을 이끌고 있습니다.',
      bioEn: 'A lettering artist who runs a calligraphy circle at a neighbourhood bookshop.',
    },
    weekday: 4,
    startTime: '14:00',
    endTime: '16:00',
  },
  {
    key: 'nvc',
    titleKo: '비폭력대화',
    titleEn: 'Nonviolent Communication',
    summaryKo: '관찰·느낌·욕구·부탁, 네 단계로 마음을 잇는 대화를 연습합니다.',
    summaryEn: 'Observations, feelings, needs, requests: four steps to conversations that connect.',
    descriptionKo:
      '가족, 이웃, 동료와의 대화에서 평가 대신 관찰로 말하고, 내 느낌과 욕구를 알아차리며, 상대에게 부탁하는 법을 역할극으로 연습합니다.',
    descriptionEn:
      'Through role play, practise speaking from observation rather than judgement, noticing your feelings and needs, and making requests of family, neighbours and colleagues.',
    materialsNoteKo: null,
    materialsNoteEn: null,
    instructor: {
      name: '최윤호',
      nameEn: 'Choi Yun-ho',
      bioKo: '비폭력대화 지도자 과정을 마친 상담가이자 용산구 주민입니다.',
      bioEn: 'A counsellor certified in NVC facilitation and a Yongsan resident.',
    },
    weekday: 4,
    startTime: '19:00',
    endTime: '21:00',
  },
  {
    key: 'poetry',
    titleKo: '시와 음악으로 떠나는 인문학 여행',
    titleEn: 'A Journey into Humanities through Poetry and Music',
    summaryKo: '한 편의 시와 한 곡의 노래로 삶을 돌아보는 시간.',
    summaryEn: 'A poem and a song each week to look back on life together.',
    descriptionKo:
      '매주 한 편의 시를 함께 읽고, 그 시와 어울리는 음악을 들으며 이야기를 나눕니다. 마지막 시간에는 각자 고른 시를 낭송합니다.',
    descriptionEn:
      'Each week we read a poem together, listen to music that goes with it and talk. In the last class everyone reads aloud a poem of their choice.',
    materialsNoteKo: null,
    materialsNoteEn: null,
    instructor: {
      name: '한유진',
      nameEn: 'Han Yu-jin',
      bioKo: '국어 교사로 정년 퇴임한 뒤 시 낭송 모임을 이끌고 있습니다.',
      bioEn: 'A retired Korean-language teacher who now leads a poetry reading group.',
    },
    weekday: 2,
    startTime: '14:00',
    endTime: '16:00',
  },
  {
    key: 'walking',
    titleKo: '걸음걸이를 바꾸면 몸이 바뀐다',
    titleEn: 'Change Your Body by Changing Your Walk',
    summaryKo: '바른 자세와 걸음으로 무릎과 허리를 지키는 생활 운동.',
    summaryEn: 'Everyday exercise: protect knees and back with better posture and gait.',
    descriptionKo:
      '내 걸음걸이의 습관을 살펴보고, 발바닥·무릎·골반을 바르게 쓰는 법과 집에서 할 수 있는 스트레칭을 배웁니다. 편한 운동화와 옷차림으로 오세요.',
    descriptionEn:
      'Look at your walking habits, learn to use feet, knees and hips well, and take home simple stretches. Please wear comfortable trainers and clothes.',
    materialsNoteKo: null,
    materialsNoteEn: null,
    instructor: {
      name: '오성민',
      nameEn: 'Oh Seong-min',
      bioKo: '운동처방사, 용산구 생활체육 강사로 활동합니다.',
      bioEn: 'An exercise specialist and Yongsan community sports instructor.',
    },
    weekday: 6,
    startTime: '10:00',
    endTime: '12:00',
  },
];

/** Fictional residents for sample enrolments; numbers are in the 010-0000-xxxx demo range. */
export const DEMO_RESIDENT_NAMES = [
  '김민준',
  '이서윤',
  '박지호',
  '최수아',
  '정예준',
  '강하은',
  '조도윤',
  '윤지우',
  '장서준',
  '임하윤',
  '한지안',
  '오시우',
  '서유나',
  '신은우',
  '권채원',
  '황준서',
  '안다은',
  '송건우',
  '전소율',
  '홍길동',
  '유재원',
  '고나연',
  '문태윤',
  '양서아',
  '손민재',
  '배지유',
  '백승현',
  '허예린',
  '남궁민수',
  '노유진',
];
