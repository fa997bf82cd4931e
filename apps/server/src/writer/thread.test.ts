/**
 * The writer thread as the server starts it (from source, through tsx), on a database of its own:
 * every operation of `writeOperations` reaches its service there, and inputs, results and refusals
 * cross the thread boundary as the map's doc says.
 */
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError } from '@seoro/domain';
import {
  WRITE_OPERATIONS,
  type RegisterInput,
  type WriteInput,
  type WriteOperation,
} from '@seoro/services';
import { startWriterThread, type WriterThread } from './client';

async function withWriterThread(url: string, use: (writer: WriterThread) => Promise<void>) {
  const fatal: unknown[] = [];
  const writer = await startWriterThread(
    {
      databaseUrl: url,
      databaseAuthToken: undefined,
      logLevel: 'silent',
      notifications: { file: null, sms: null, email: null },
    },
    pino({ level: 'silent' }),
    (error) => fatal.push(error),
  );
  try {
    await use(writer);
  } finally {
    await writer.close();
  }
  expect(fatal).toEqual([]);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * An input for each operation that names records which do not exist: each service refuses it or
 * does nothing. A new operation does not compile here until it has one.
 */
/** A proposal to teach that passes every check (the services then refuse the unknown ids). */
const APPLICATION = {
  applicantName: '홍길동',
  title: '제목',
  description: '설명',
  teaches: '내용',
  experience: '경력',
  meetingCount: 6,
  preferredWeekday: null,
  preferredStartTime: null,
  durationMinutes: 120,
  materialsFeeWon: 0,
  capacity: 10,
  yongsanConfirmed: true,
  exclusionsAccepted: true,
};

const unknownRecords: { [K in WriteOperation]: WriteInput<K> } = {
  registerForCourse: {
    courseId: 'missing',
    name: '홍길동',
    phone: '010-1234-5678',
    consent: true,
    channel: 'web',
    locale: 'ko',
  },
  cancelRegistrationByCode: { code: 'ABCD-EFGH', phone: '010-1234-5678', locale: 'ko' },
  cancelMyEnrolment: { residentId: 'missing', enrolmentId: 'missing', locale: 'ko' },
  cancelEnrolment: { enrolmentId: 'missing', actor: { type: 'system', id: null } },
  checkInWithCode: { code: 'ABCD-EFGH', method: 'keypad', kioskId: null },
  checkInEnrolment: { enrolmentId: 'missing', meetingId: 'missing', kioskId: 'k', roomId: null },
  requestResidentCode: { phone: '010-1234-5678', locale: 'ko' },
  verifyResidentCode: { phone: '010-1234-5678', code: '123456' },
  verifyResidentCodeAtKiosk: { phone: '010-1234-5678', code: '123456', kioskId: 'missing' },
  endResidentSession: 'missing',
  touchResidentSession: { sessionId: 'missing', at: new Date() },
  signOutResident: { sessionId: 'missing', residentId: 'missing' },
  cancelCourse: { courseId: 'missing', staffId: 'missing', reason: 'test' },
  drawCourseLottery: { courseId: 'missing' },
  changeCourseCapacity: { courseId: 'missing', capacity: 10, staffId: 'missing' },
  moveWaitlistEntry: { enrolmentId: 'missing', toPosition: 1, reason: 'test', staffId: 'missing' },
  recordStaffSignIn: {
    email: 'missing@example.invalid',
    staffId: null,
    passwordMatched: false,
    ip: null,
    userAgent: null,
    previousSessionId: null,
  },
  endStaffSession: 'missing',
  touchStaffSession: { sessionId: 'missing', at: new Date() },
  signOutStaff: { sessionId: 'missing', staffId: 'missing' },
  addStaffAccount: {
    email: 'new@example.invalid',
    name: 'New Staff',
    role: 'viewer',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA',
    createdBy: { type: 'system' },
    ip: null,
  },
  readCourseRoster: { courseId: 'missing', staffId: 'missing' },
  revealResidentPhone: { enrolmentId: 'missing', reason: 'test', staffId: 'missing' },
  generateMeetings: {
    courseId: 'missing',
    weekdays: [4],
    startTime: '10:00',
    endTime: '12:00',
    first: '2027-03-04',
    count: 4,
    holidayRule: 'skip_extend',
    staffId: 'missing',
  },
  addMeeting: {
    courseId: 'missing',
    date: '2027-03-04',
    startTime: '10:00',
    endTime: '12:00',
    roomId: 'missing',
    staffId: 'missing',
  },
  updateMeeting: {
    meetingId: 'missing',
    date: '2027-03-04',
    startTime: '10:00',
    endTime: '12:00',
    roomId: 'missing',
    staffId: 'missing',
  },
  cancelMeeting: { meetingId: 'missing', reason: 'test', staffId: 'missing' },
  restoreMeeting: { meetingId: 'missing', staffId: 'missing' },
  createTerm: {
    staffId: 'missing',
    settings: {
      nameKo: '시험 기수',
      nameEn: 'Test term',
      slug: '',
      startsOn: '2026-03-05',
      endsOn: '2026-04-09',
      registrationOpensAt: '2026-02-16T10:00',
      registrationClosesAt: '2026-03-12T18:00',
      onsiteOpensAt: '',
      onsiteClosesAt: '',
      perResidentLimit: 2,
      noShowBarPercent: null,
      completionPercent: 80,
      defaultMode: 'first_come',
    },
  },
  updateTerm: {
    termId: 'missing',
    staffId: 'missing',
    settings: {
      nameKo: '시험 기수',
      nameEn: 'Test term',
      slug: '',
      startsOn: '2026-03-05',
      endsOn: '2026-04-09',
      registrationOpensAt: '2026-02-16T10:00',
      registrationClosesAt: '2026-03-12T18:00',
      onsiteOpensAt: '',
      onsiteClosesAt: '',
      perResidentLimit: 2,
      noShowBarPercent: null,
      completionPercent: 80,
      defaultMode: 'first_come',
    },
  },
  setTermPublished: { termId: 'missing', published: true, staffId: 'missing' },
  copyTerm: {
    sourceTermId: 'missing',
    staffId: 'missing',
    settings: {
      nameKo: '시험 기수',
      nameEn: 'Test term',
      slug: '',
      startsOn: '2026-03-05',
      endsOn: '2026-04-09',
      registrationOpensAt: '2026-02-16T10:00',
      registrationClosesAt: '2026-03-12T18:00',
      onsiteOpensAt: '',
      onsiteClosesAt: '',
      perResidentLimit: 2,
      noShowBarPercent: null,
      completionPercent: 80,
      defaultMode: 'first_come',
    },
  },
  setCoursePublished: { courseId: 'missing', published: true, staffId: 'missing' },
  publishDraftCourses: { termId: 'missing', staffId: 'missing' },
  createCourse: {
    termId: 'missing',
    staffId: 'missing',
    roomId: 'missing',
    instructor: { kind: 'none' },
    settings: {
      titleKo: '시험 강좌',
      titleEn: 'Test course',
      summaryKo: '요약',
      summaryEn: 'Summary',
      descriptionKo: '',
      descriptionEn: '',
      materialsNoteKo: '',
      materialsNoteEn: '',
      materialsFeeWon: null,
      capacity: 10,
      minLearners: 5,
      mode: 'first_come',
      onsiteSeats: 0,
    },
  },
  updateCourse: {
    courseId: 'missing',
    staffId: 'missing',
    roomId: 'missing',
    instructor: { kind: 'none' },
    settings: {
      titleKo: '시험 강좌',
      titleEn: 'Test course',
      summaryKo: '요약',
      summaryEn: 'Summary',
      descriptionKo: '',
      descriptionEn: '',
      materialsNoteKo: '',
      materialsNoteEn: '',
      materialsFeeWon: null,
      capacity: 10,
      minLearners: 5,
      mode: 'first_come',
      onsiteSeats: 0,
    },
  },
  readAttendanceGrid: { courseId: 'missing', staffId: 'missing' },
  correctAttendance: {
    enrolmentId: 'missing',
    meetingId: 'missing',
    mark: 'present',
    reason: 'test',
    staffId: 'missing',
  },
  printAttendanceSheet: { courseId: 'missing', meetingId: null, staffId: 'missing' },
  markAttendanceAsInstructor: {
    residentId: 'missing',
    courseId: 'missing',
    meetingId: 'missing',
    enrolmentId: 'missing',
    mark: 'present',
  },
  sendClassMessage: { residentId: 'missing', courseId: 'missing', body: 'test' },
  exportTable: {
    kind: 'course-roster',
    courseId: 'missing',
    format: 'xlsx',
    purpose: 'test',
    staff: { id: 'missing', role: 'viewer' },
  },
  createKiosk: { name: 'Test kiosk', roomId: null, enabledPlugins: [], actor: { type: 'system' } },
  updateKiosk: { kioskId: 'missing', roomId: null, enabledPlugins: [], staffId: 'missing' },
  createKioskPairingCode: { kioskId: 'missing', actor: { type: 'system' } },
  revokeKiosk: { kioskId: 'missing', reason: 'test', staffId: 'missing' },
  pairKioskWithCode: { code: 'ABCD-EFGH' },
  recordKioskContact: { kioskId: 'missing', queueLength: 0 },
  requestKioskHelp: { kioskId: 'missing' },
  setStaffRole: { staffId: 'missing', role: 'viewer', actorId: 'missing' },
  setStaffDisabled: { staffId: 'missing', disabled: true, actorId: 'missing' },
  unlockStaffAccount: { staffId: 'missing', actorId: 'missing' },
  setStaffPasswordHash: {
    staffId: 'missing',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA',
    generated: true,
    actorId: 'missing',
  },
  extendRegistrationWindow: { courseId: 'missing', closesAt: new Date(), staffId: 'missing' },
  lowerCourseMinimum: { courseId: 'missing', minLearners: 1, staffId: 'missing' },
  // Refused for its empty text before the unknown staff member matters.
  createNotice: {
    bodyKo: '',
    bodyEn: '',
    showFrom: '2026-05-01',
    showUntil: '2026-05-08',
    staffId: 'missing',
  },
  updateNotice: {
    noticeId: 'missing',
    bodyKo: '공지',
    bodyEn: '',
    showFrom: '2026-05-01',
    showUntil: '2026-05-08',
    staffId: 'missing',
  },
  removeNotice: { noticeId: 'missing', staffId: 'missing' },
  readResidentData: { phone: '010-0000-0000', request: { reference: 'DR-0' }, staffId: 'missing' },
  correctResidentData: {
    residentId: 'missing',
    reference: 'DR-0',
    name: '홍길동',
    staffId: 'missing',
  },
  deleteResidentData: { residentId: 'missing', reference: 'DR-0', staffId: 'missing' },
  resolveDataRequest: {
    reference: 'DR-0',
    status: 'refused',
    resolution: 'test',
    staffId: 'missing',
  },
  exportMyData: { residentId: 'missing', format: 'json' },
  requestMyDeletion: { residentId: 'missing' },
  exportAuditLog: { filters: {}, format: 'csv', staffId: 'missing' },
  updateRetentionPolicy: { residents: 0, messages: 6, staffId: 'missing' },
  runRetention: { dryRun: false, actor: { type: 'staff', id: 'missing' }, reason: '' },
  issueCertificate: { residentId: 'missing', enrolmentId: 'missing' },
  importHistory: { fileName: 'x.csv', fileBase64: '', sha256: '', staffId: 'missing' },
  submitApplication: {
    residentId: 'missing',
    locale: 'ko',
    idempotencyKey: 'k',
    ...APPLICATION,
    capacity: 99,
  },
  resubmitApplication: { residentId: 'missing', applicationId: 'missing', ...APPLICATION },
  withdrawApplication: { residentId: 'missing', applicationId: 'missing' },
  commentOnApplication: {
    applicationId: 'missing',
    staffId: 'missing',
    body: 'x',
    toApplicant: false,
  },
  requestApplicationChanges: { applicationId: 'missing', staffId: 'missing', message: 'x' },
  rejectApplication: { applicationId: 'missing', staffId: 'missing', reason: 'x' },
  revealApplicantPhone: { applicationId: 'missing', staffId: 'missing', reason: 'x' },
  approveApplication: { applicationId: 'missing', staffId: 'missing', termId: 'missing' },
  addWish: { topic: 'missing', text: '', source: 'web', locale: 'ko' },
  hideWish: { wishId: 'missing', staffId: 'missing' },
  inviteToTeach: { topic: 'missing', staffId: 'missing' },
  optOutOfTeachInvites: { token: 'missing' },
};

describe('the writer thread', () => {
  it('runs every operation of writeOperations, and refuses a name that is not one', async () => {
    const { url } = await testDatabase();
    await withWriterThread(url, async (writer) => {
      for (const operation of WRITE_OPERATIONS) {
        const outcome = await writer.remote.call(operation, unknownRecords[operation]).then(
          () => 'done',
          (error: unknown) => (error instanceof DomainError ? 'refused' : messageOf(error)),
        );
        expect(outcome, operation).toMatch(/^(done|refused)$/);
      }
      const notAnOperation = 'dropTables' as WriteOperation;
      await expect(
        writer.remote.call(notAnOperation, unknownRecords.registerForCourse),
      ).rejects.toThrow('Unknown write operation dropTables');
    });
  }, 30_000);

  it('hands a registration over and back: its result, and a refusal as the same DomainError', async () => {
    const { url, database } = await testDatabase();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId });
    const registration: RegisterInput = {
      courseId: course.id,
      name: '홍길동',
      phone: '010-1234-5678',
      consent: true,
      channel: 'web',
      locale: 'ko',
    };
    await withWriterThread(url, async (writer) => {
      const result = await writer.remote.call('registerForCourse', registration);
      expect(result).toMatchObject({ courseId: course.id, status: 'confirmed' });
      // Typed by writeOperations: the result is registerForCourse's.
      expect(result.code).toMatch(/^\w{4}-\w{4}$/);

      const refusal = writer.remote.call('registerForCourse', { ...registration, consent: false });
      await expect(refusal).rejects.toBeInstanceOf(DomainError);

      // @ts-expect-error registerForCourse does not take a cancellation's input
      const wrong = () => writer.remote.call('registerForCourse', { enrolmentId: course.id });
      expect(typeof wrong).toBe('function');
    });
  }, 30_000);
});
