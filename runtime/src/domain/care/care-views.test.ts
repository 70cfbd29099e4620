import type * as Wire from '@careloom/format/api';
import { describe, expectTypeOf, it } from 'vitest';
import type { AlertView } from './alerts.js';
import type { EnrollmentDetail, EnrollmentView, InvitationView, PatientListEntry } from './enrollments.js';
import type { MessageView } from './messages.js';
import type { MyEnrollmentView, TodayView } from './patient-home.js';
import type { PlanRuleView, PlanView } from './plans.js';
import type { ProgramModuleView } from './program-view.js';
import type { IntakeView, ReferralView } from './referrals.js';
import type { UnitReport } from './report.js';
import type { RecordedView, ResponseView } from './responses.js';
import type { UnitView } from './units.js';
import { presentEnrollment } from './enrollments.js';
import type { EnrollmentRecord } from './ports.js';

// These checks are made by the typecheck (`npm run typecheck`): a view written by hand again, or a
// schema changed without its presenter, fails it. At run time the calls do nothing.
describe('the care views are the wire types generated from schemas/json/api/care.schema.json', () => {
  it('each view is its wire type', () => {
    expectTypeOf<AlertView>().toEqualTypeOf<Wire.Alert>();
    expectTypeOf<EnrollmentView>().toEqualTypeOf<Wire.Enrollment>();
    expectTypeOf<EnrollmentDetail>().toEqualTypeOf<Wire.EnrollmentDetail>();
    expectTypeOf<InvitationView>().toEqualTypeOf<Wire.PatientInvitation>();
    expectTypeOf<PatientListEntry>().toEqualTypeOf<Wire.PatientRow>();
    expectTypeOf<MessageView>().toEqualTypeOf<Wire.Message>();
    expectTypeOf<MyEnrollmentView>().toEqualTypeOf<Wire.MyEnrollment>();
    expectTypeOf<TodayView>().toEqualTypeOf<Wire.Today>();
    expectTypeOf<ProgramModuleView>().toEqualTypeOf<Wire.ProgramModule>();
    expectTypeOf<ReferralView>().toEqualTypeOf<Wire.Referral>();
    expectTypeOf<IntakeView>().toEqualTypeOf<Wire.IntakeForm>();
    expectTypeOf<RecordedView>().toEqualTypeOf<Wire.RecordedResponse>();
    expectTypeOf<ResponseView>().toEqualTypeOf<Wire.StoredResponse>();
    expectTypeOf<UnitView>().toEqualTypeOf<Wire.Unit>();
    expectTypeOf<UnitReport>().toEqualTypeOf<Wire.UnitReport>();
  });

  it('a plan, typed more closely by the format (conditions, rich text), is still the wire plan', () => {
    expectTypeOf<PlanView>().toExtend<Wire.Plan>();
    expectTypeOf<PlanRuleView>().toExtend<Wire.PlanRule>();
  });

  it('a presenter that drifts from the schema does not typecheck', () => {
    const record = {} as EnrollmentRecord;
    const view = presentEnrollment(record);
    // @ts-expect-error a field the schema does not name is refused
    const extra: EnrollmentView = { ...view, nickname: 'Kim' };
    const { acceptedAt: _acceptedAt, ...withoutAcceptedAt } = view;
    // @ts-expect-error a field the schema requires cannot be left out
    const missing: EnrollmentView = withoutAcceptedAt;
    // @ts-expect-error a field of another type is refused
    const wrong: EnrollmentView = { ...view, startedOn: 20260101 };
    expectTypeOf([extra, missing, wrong]).toBeArray();
  });
});
