import { $, $$, attr, type Document } from './dom.ts';

export interface CaptchaForm {
  /** Hidden `captchaid` that must be sent back with the answer. */
  captchaId: string | null;
  /** The PNG image, base64 (courts inline it as `data: image/png;base64, …`, with spaces). */
  pngBase64: string | null;
  /** Hidden fields of the search form (name_op, delo_id, new, delo_table, …), in page order. */
  hidden: [string, string][];
}

/** Reads a captcha-protected search form: the captcha id, the image and the form's hidden fields. */
export function parseCaptchaForm(doc: Document): CaptchaForm {
  const input = $('input[name=captcha]', doc);
  const form = $('form#calform', doc) ?? (input ? ($$('form', doc).find((f) => $('input[name=captcha]', f)) ?? null) : null);
  const scope = form ?? doc;
  const image = $$('img', scope)
    .map((img) => attr(img, 'src') ?? '')
    .find((src) => /^\s*data:\s*image\/png;\s*base64,/i.test(src));
  return {
    captchaId: attr($('input[name=captchaid]', scope), 'value'),
    pngBase64: image ? image.replace(/^\s*data:\s*image\/png;\s*base64,/i, '').replace(/\s+/g, '') : null,
    hidden: $$('input[type=hidden]', scope)
      .filter((i) => attr(i, 'name') && attr(i, 'name') !== 'captchaid')
      .map((i) => [attr(i, 'name') ?? '', attr(i, 'value') ?? '']),
  };
}
