// The printed forms as data: blocks a renderer lays out on A4 pages. Pure, so that the model of each form is
// tested without a PDF, and the renderer knows nothing of the 申报书.

/** A run of text; `bold` from the section text's `**…**`. */
export interface Run {
  text: string;
  bold?: boolean;
}

/** A table cell: text, or a label (shaded, bold) as in the forms' 栏目; `span` columns wide. */
export interface Cell {
  text: string;
  label?: boolean;
  span?: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** The form's name, centred at its top. */
  | { kind: 'title'; text: string }
  /** A numbered part of the form (一、项目基本信息). */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  /**
   * A ruled table. `widths` are relative column widths; `header` rows repeat at the top of each page the
   * table runs onto.
   */
  | { kind: 'table'; widths: number[]; header?: Cell[][]; rows: Cell[][] }
  /** The 封面's lines: a label and its value on a rule, large. */
  | { kind: 'cover-lines'; lines: { label: string; value: string }[] }
  /** The QR code of the public page that confirms the fingerprint (drawn from `url`). */
  | { kind: 'qr'; url: string; caption: string }
  /** Signature and seal boxes, side by side, kept together on one page. */
  | { kind: 'signatures'; boxes: SignatureBox[] }
  | { kind: 'space'; lines: number };

/** A box of the paper form: what is asked (意见), then a signature or a seal and the date, bottom right. */
export interface SignatureBox {
  title: string;
  /** Blank lines left for an opinion before the signature line. */
  room: number;
  sign: string;
}

export interface PrintDocument {
  /** The form's name, also in each page's footer. */
  name: string;
  blocks: Block[];
}
