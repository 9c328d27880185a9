/** One SMS of the outbox (channel `sms`): the outbox row's id, the mobile number and the text. */
export interface OutgoingSms {
  id: string;
  to: string;
  text: string;
}

/**
 * Sends an SMS through a provider. None ships (the notice names no SMS channel, and every provider needs a
 * contract and a registered signature): rows of channel `sms` stay unsent and are read in the app. A provider
 * implements this and is given to `OutboxJob` as its `sms` sender.
 */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}
