/**
 * What metadata stripping removed from a document (src/casework/strip.ts stores English names, e.g. "PDF author")
 * as a code mapped to the UI language; a name not known here is shown as stored.
 */
export const REMOVED: Readonly<Record<string, string>> = {
  'EXIF/XMP (APP1)': 'jpegApp1',
  'IPTC (APP13)': 'jpegApp13',
  'comment (COM)': 'jpegComment',
  APP12: 'jpegApp12',
  'APP14 comment': 'jpegApp14',
  'PNG tEXt': 'pngText',
  'PNG iTXt': 'pngItxt',
  'PNG zTXt': 'pngZtxt',
  'PNG eXIf': 'pngExif',
  'PNG tIME': 'pngTime',
  'PDF author': 'pdfAuthor',
  'PDF creator': 'pdfCreator',
  'PDF producer': 'pdfProducer',
  'PDF title': 'pdfTitle',
  'PDF subject': 'pdfSubject',
  'PDF keywords': 'pdfKeywords',
  'PDF XMP metadata': 'pdfXmp',
};

export function removedLabel(name: string, t: (key: string) => string): string {
  const code = REMOVED[name];
  return code ? t(`files.docs.removedItems.${code}`) : name;
}
