/** Where a "call staff" tap is: sent, answered (with the server's word), or not reached. */
export type HelpState =
  | { phase: 'closed' }
  | { phase: 'sending' }
  | {
      phase: 'answered';
      officePhone: string;
      staff: 'notified' | 'already_notified' | 'not_configured';
    }
  | { phase: 'failed' };
