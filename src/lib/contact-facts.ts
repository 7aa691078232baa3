import type { Contact } from '../schemas/contacts.ts';
import type { Settings } from '../schemas/settings.ts';
import { ui } from '../ui/strings.ts';

/**
 * One line of a contact list (a <dt>/<dd> pair): a label and either text or a phone number. A
 * phone carries the words a screen reader says before it on a `tel:` link (拨打监督电话).
 */
export type Fact =
  | { label: string; text: string; phone?: undefined }
  | { label: string; phone: string; call: string; text?: undefined };

export type OfficeFact = 'address' | 'phone' | 'supervisionPhone' | 'reception' | 'receptionPlace';

/** The branch office's contacts, as every page and printout shows them. */
export function officeFacts(settings: Settings): Record<OfficeFact, Fact> {
  return {
    address: { label: ui.address, text: settings.address },
    phone: { label: ui.officePhone, phone: settings.phone, call: `${ui.call}${ui.officePhone}` },
    supervisionPhone: {
      label: ui.supervisionPhone,
      phone: settings.supervisionPhone,
      call: `${ui.call}${ui.supervisionPhone}`,
    },
    reception: { label: ui.reception, text: settings.reception },
    // When and where in one line: 每周三 9:00—11:30（桥北路18号…）.
    receptionPlace: { label: ui.reception, text: `${settings.reception}（${settings.address}）` },
  };
}

export type CadreFact =
  'duties' | 'area' | 'households' | 'reception' | 'phone' | 'supervisionPhone';

/**
 * A cadre's facts for the contact card and the printed cut-out card. Optional fields the
 * secretary left empty are absent; the 监督电话 falls back to the site's.
 */
export function cadreFacts(
  contact: Contact,
  siteSupervisionPhone: string,
): Partial<Record<CadreFact, Fact>> {
  const t = ui.contacts;
  return {
    duties: { label: t.duties, text: contact.duties },
    ...(contact.area && { area: { label: t.area, text: contact.area } }),
    ...(contact.households !== undefined && {
      households: { label: t.households, text: `${contact.households} ${t.householdsUnit}` },
    }),
    ...(contact.reception && { reception: { label: t.reception, text: contact.reception } }),
    phone: { label: t.phone, phone: contact.phone, call: `${ui.call}${contact.name}` },
    supervisionPhone: {
      label: ui.supervisionPhone,
      phone: contact.supervisionPhone ?? siteSupervisionPhone,
      call: `${ui.call}${ui.supervisionPhone}`,
    },
  };
}

/** The facts named in `keys`, in that order, skipping those an entry does not have. */
export function pickFacts<K extends string>(
  facts: Partial<Record<K, Fact>>,
  keys: readonly K[],
): { key: K; fact: Fact }[] {
  return keys.flatMap((key) => {
    const fact = facts[key];
    return fact ? [{ key, fact }] : [];
  });
}
