/**
 * The verification sheet of an evidence packet, in English, Russian, German and French: what the packet holds, the
 * exact commands that check it on any machine without otkaz (GNU coreutils' `sha256sum`, `xxd`, OpenSSL's
 * `openssl ts -verify`), the output each must give, and what a time stamp proves and what it does not. Every command
 * line starts with "$ " and is run in the packet's folder (the one MANIFEST.sha256 is in); a line that follows it
 * starting with "→ " is the output it must print. The commands are the same in every language.
 */

export type SheetLanguage = 'en' | 'ru' | 'de' | 'fr';
export const SHEET_LANGUAGES: readonly SheetLanguage[] = ['en', 'ru', 'de', 'fr'];

export interface SheetCommand {
  command: string;
  /** The output it must print (absent: its own report, e.g. "OK" per line). */
  expect?: string;
}

export interface SheetStamp {
  timestampId: number;
  file: string;
  root: string;
  genTime: string;
  tsaUrl: string;
  serial: string;
  verify: SheetCommand;
}

export interface SheetProof {
  captureId: number;
  /** The capture's bytes as captured, in the packet. */
  file: string;
  sha256: string;
  timestampId: number;
  leafIndex: number;
  leaves: number;
  /** From the leaf up: each step's command and the hash it must print; the last is the stamped root. */
  steps: SheetCommand[];
}

export interface SheetFacts {
  caseLabel: string;
  exportId: number;
  exportedAt: string;
  synthetic: boolean;
  captures: { id: number; url: string | null; retrievedAt: string | null; sha256: string; file: string; pdf: string }[];
  stamps: SheetStamp[];
  proofs: SheetProof[];
  /** The TSA's CA certificate shipped in the packet (its path), or null: the verifier obtains it from the TSA. */
  caFile: string | null;
  caFingerprint: string | null;
}

interface Words {
  title: string;
  synthetic: string;
  intro: string;
  contents: string[];
  step1: string;
  step1Note: string;
  step2: string;
  step2Capture: (f: SheetProof) => string;
  step2None: string;
  step3: string;
  step3Stamp: (s: SheetStamp) => string;
  caShipped: (path: string, fingerprint: string) => string;
  caMissing: string;
  proves: string;
  pdf: string;
  custody: string;
  translations: string;
  captureLine: (c: SheetFacts['captures'][number]) => string;
}

const WORDS: Record<SheetLanguage, (f: SheetFacts) => Words> = {
  en: (f) => ({
    title: `VERIFICATION SHEET: evidence packet of case ${f.caseLabel}, export #${f.exportId} of ${f.exportedAt} (UTC)`,
    synthetic: 'SYNTHETIC: this packet holds made-up test data, not a real court record.',
    intro:
      'This packet was written by otkaz, an open-source archive of Russian court pages. It can be checked on any computer without otkaz. Open a terminal in this folder (the one with MANIFEST.sha256) and run each command below after "$ "; the line after "→ " is what it must print.',
    contents: [
      'captures/  each page exactly as captured (bytes) and its PDF rendering with a banner',
      'archive/   the same captures as WARC 1.1 and WACZ 1.1.1 files (standard web-archive formats)',
      'timestamps/  RFC 3161 time-stamp tokens (.tsr), the proof path of each capture, the TSA certificate if known',
      'CUSTODY.txt  every export of this case from otkaz: who, when, what',
      'packet.json  the same facts for programs',
      'translations/  the place for certified translations',
      'MANIFEST.sha256  the SHA-256 of every other file',
    ],
    step1: 'Step 1. Every file is intact (each line must end in "OK"):',
    step1Note: 'On macOS: shasum -a 256 -c MANIFEST.sha256',
    step2: "Step 2. Each capture's bytes lead to a stamped Merkle root (RFC 6962 hashing: 00 before a leaf, 01 before two nodes):",
    step2Capture: (p) =>
      `Capture #${p.captureId}: ${p.file}, SHA-256 ${p.sha256} (checked in step 1), leaf ${p.leafIndex + 1} of ${p.leaves} of stamp #${p.timestampId}.`,
    step2None: 'No capture of this case is time-stamped yet: steps 2 and 3 do not apply.',
    step3: 'Step 3. The time-stamping authority signed that root at that time (openssl must print "Verification: OK"):',
    step3Stamp: (s) => `Stamp #${s.timestampId}: ${s.file}, time ${s.genTime} (UTC), authority ${s.tsaUrl}, serial ${s.serial}.`,
    caShipped: (p, fp) =>
      `The authority's CA certificate is included as ${p} (SHA-256 fingerprint ${fp}). Compare that fingerprint with the one the authority publishes; better still, use a copy obtained from the authority itself.`,
    caMissing: "The authority's CA certificate is not included: obtain it from the authority and give its file after -CAfile.",
    proves:
      "What a time stamp proves: that these exact bytes (their SHA-256) existed no later than the stamp's time, and have not changed since. It does not prove that the court's server served them: that rests on how they were captured (the WARC records with their request and response headers). Only a stamp of a qualified trust service provider carries the legal presumption of accuracy of the eIDAS Regulation (EU) 910/2014, article 41; any other may still not be refused as evidence only because it is electronic.",
    pdf: 'The PDFs are reading copies rendered offline from the captured bytes (scripts off, no network); the evidence is the bytes themselves.',
    custody: 'Chain of custody: CUSTODY.txt lists each export of this case, this one included.',
    translations:
      'Certified translations: put them in translations/. They are added after the export, so MANIFEST.sha256 does not cover them; the translator certifies them against the files named here.',
    captureLine: (c) => `#${c.id}  ${c.retrievedAt ?? 'time unknown'}  ${c.sha256}  ${c.url ?? ''}`,
  }),
  ru: (f) => ({
    title: `ЛИСТ ПРОВЕРКИ: пакет доказательств по делу ${f.caseLabel}, выгрузка №${f.exportId} от ${f.exportedAt} (UTC)`,
    synthetic: 'SYNTHETIC: в пакете вымышленные тестовые данные, а не настоящее судебное дело.',
    intro:
      'Пакет составлен программой otkaz — открытым архивом страниц российских судов. Проверить его можно на любом компьютере, без otkaz. Откройте терминал в этой папке (там, где лежит MANIFEST.sha256) и выполните каждую команду после «$ »; строка после «→ » — то, что команда должна вывести.',
    contents: [
      'captures/  каждая страница точно в том виде, в каком была получена (байты), и её PDF с плашкой',
      'archive/   те же страницы в файлах WARC 1.1 и WACZ 1.1.1 (стандартные форматы веб-архивов)',
      'timestamps/  метки времени RFC 3161 (.tsr), путь доказательства для каждой страницы, сертификат TSA, если известен',
      'CUSTODY.txt  все выгрузки этого дела из otkaz: кто, когда, что',
      'packet.json  те же сведения для программ',
      'translations/  место для заверенных переводов',
      'MANIFEST.sha256  SHA-256 всех остальных файлов',
    ],
    step1: 'Шаг 1. Все файлы целы (каждая строка должна заканчиваться на «OK»):',
    step1Note: 'На macOS: shasum -a 256 -c MANIFEST.sha256',
    step2:
      'Шаг 2. Байты каждой страницы ведут к корню дерева Меркла, на который поставлена метка (хеширование по RFC 6962: 00 перед листом, 01 перед парой узлов):',
    step2Capture: (p) =>
      `Страница №${p.captureId}: ${p.file}, SHA-256 ${p.sha256} (проверено на шаге 1), лист ${p.leafIndex + 1} из ${p.leaves} метки №${p.timestampId}.`,
    step2None: 'Ни одна страница этого дела ещё не получила метку времени: шаги 2 и 3 не применяются.',
    step3: 'Шаг 3. Служба меток времени подписала этот корень в указанное время (openssl должен вывести «Verification: OK»):',
    step3Stamp: (s) => `Метка №${s.timestampId}: ${s.file}, время ${s.genTime} (UTC), служба ${s.tsaUrl}, серийный номер ${s.serial}.`,
    caShipped: (p, fp) =>
      `Корневой сертификат службы приложен: ${p} (отпечаток SHA-256 ${fp}). Сверьте отпечаток с опубликованным самой службой, а лучше возьмите сертификат непосредственно у неё.`,
    caMissing: 'Корневой сертификат службы не приложен: получите его у службы и укажите его файл после -CAfile.',
    proves:
      'Что доказывает метка времени: что именно эти байты (их SHA-256) существовали не позднее времени метки и с тех пор не изменились. Она не доказывает, что их отдал сервер суда: это следует из того, как они были получены (записи WARC с заголовками запроса и ответа). Презумпцией точности по регламенту eIDAS (ЕС) 910/2014, статья 41, обладает только метка квалифицированного поставщика доверительных услуг; в остальных случаях метке всё равно нельзя отказать в доказательной силе лишь потому, что она электронная.',
    pdf: 'PDF — копии для чтения, отрисованные без сети из полученных байтов (скрипты отключены); доказательство — сами байты.',
    custody: 'Цепочка хранения: в CUSTODY.txt перечислены все выгрузки этого дела, включая эту.',
    translations:
      'Заверенные переводы кладите в папку translations/. Они добавляются после выгрузки, поэтому MANIFEST.sha256 их не охватывает; переводчик заверяет их по файлам, названным здесь.',
    captureLine: (c) => `№${c.id}  ${c.retrievedAt ?? 'время неизвестно'}  ${c.sha256}  ${c.url ?? ''}`,
  }),
  de: (f) => ({
    title: `PRÜFBLATT: Beweispaket zum Verfahren ${f.caseLabel}, Export Nr. ${f.exportId} vom ${f.exportedAt} (UTC)`,
    synthetic: 'SYNTHETIC: Dieses Paket enthält erfundene Testdaten, keine echte Gerichtsakte.',
    intro:
      'Dieses Paket wurde von otkaz erstellt, einem quelloffenen Archiv russischer Gerichtsseiten. Es lässt sich auf jedem Rechner ohne otkaz prüfen. Öffnen Sie ein Terminal in diesem Ordner (dem mit MANIFEST.sha256) und führen Sie jeden Befehl nach „$ “ aus; die Zeile nach „→ “ ist die Ausgabe, die er liefern muss.',
    contents: [
      'captures/  jede Seite genau so, wie sie abgerufen wurde (Bytes), und ihre PDF-Darstellung mit Kopfzeile',
      'archive/   dieselben Seiten als WARC-1.1- und WACZ-1.1.1-Datei (Standardformate für Webarchive)',
      'timestamps/  Zeitstempel nach RFC 3161 (.tsr), der Beweispfad jeder Seite, das Zertifikat des Zeitstempeldienstes, falls bekannt',
      'CUSTODY.txt  jeder Export dieses Verfahrens aus otkaz: wer, wann, was',
      'packet.json  dieselben Angaben für Programme',
      'translations/  der Ort für beglaubigte Übersetzungen',
      'MANIFEST.sha256  der SHA-256-Wert jeder anderen Datei',
    ],
    step1: 'Schritt 1. Jede Datei ist unverändert (jede Zeile muss auf „OK“ enden):',
    step1Note: 'Unter macOS: shasum -a 256 -c MANIFEST.sha256',
    step2: 'Schritt 2. Die Bytes jeder Seite führen zu einer gestempelten Merkle-Wurzel (Hashing nach RFC 6962: 00 vor einem Blatt, 01 vor zwei Knoten):',
    step2Capture: (p) =>
      `Seite Nr. ${p.captureId}: ${p.file}, SHA-256 ${p.sha256} (in Schritt 1 geprüft), Blatt ${p.leafIndex + 1} von ${p.leaves} des Zeitstempels Nr. ${p.timestampId}.`,
    step2None: 'Noch keine Seite dieses Verfahrens hat einen Zeitstempel: Schritte 2 und 3 entfallen.',
    step3: 'Schritt 3. Der Zeitstempeldienst hat diese Wurzel zu dieser Zeit signiert (openssl muss „Verification: OK“ ausgeben):',
    step3Stamp: (s) => `Zeitstempel Nr. ${s.timestampId}: ${s.file}, Zeit ${s.genTime} (UTC), Dienst ${s.tsaUrl}, Seriennummer ${s.serial}.`,
    caShipped: (p, fp) =>
      `Das CA-Zertifikat des Dienstes liegt bei: ${p} (SHA-256-Fingerabdruck ${fp}). Vergleichen Sie den Fingerabdruck mit dem vom Dienst veröffentlichten; besser noch, verwenden Sie eine direkt beim Dienst bezogene Kopie.`,
    caMissing: 'Das CA-Zertifikat des Dienstes liegt nicht bei: Beziehen Sie es beim Dienst und geben Sie seine Datei nach -CAfile an.',
    proves:
      'Was ein Zeitstempel beweist: dass genau diese Bytes (ihr SHA-256-Wert) spätestens zum Zeitpunkt des Stempels existierten und seitdem unverändert sind. Er beweist nicht, dass der Server des Gerichts sie ausgeliefert hat; das ergibt sich aus der Art der Erfassung (den WARC-Einträgen mit Anfrage- und Antwort-Headern). Nur der Zeitstempel eines qualifizierten Vertrauensdiensteanbieters genießt die Vermutung der Richtigkeit nach Artikel 41 der eIDAS-Verordnung (EU) Nr. 910/2014; jedem anderen darf die Beweiskraft aber nicht allein deshalb abgesprochen werden, weil er elektronisch ist.',
    pdf: 'Die PDFs sind Lesekopien, offline aus den abgerufenen Bytes erzeugt (ohne Skripte, ohne Netz); Beweismittel sind die Bytes selbst.',
    custody: 'Beweiskette: CUSTODY.txt führt jeden Export dieses Verfahrens auf, diesen eingeschlossen.',
    translations:
      'Beglaubigte Übersetzungen gehören in den Ordner translations/. Sie kommen nach dem Export hinzu, MANIFEST.sha256 erfasst sie daher nicht; der Übersetzer beglaubigt sie anhand der hier genannten Dateien.',
    captureLine: (c) => `Nr. ${c.id}  ${c.retrievedAt ?? 'Zeit unbekannt'}  ${c.sha256}  ${c.url ?? ''}`,
  }),
  fr: (f) => ({
    title: `FICHE DE VÉRIFICATION : dossier de preuves de l’affaire ${f.caseLabel}, export n° ${f.exportId} du ${f.exportedAt} (UTC)`,
    synthetic: 'SYNTHETIC : ce dossier contient des données de test fictives, pas un vrai dossier judiciaire.',
    intro:
      'Ce dossier a été produit par otkaz, une archive libre de pages de tribunaux russes. Il se vérifie sur n’importe quel ordinateur, sans otkaz. Ouvrez un terminal dans ce dossier (celui qui contient MANIFEST.sha256) et exécutez chaque commande qui suit « $ » ; la ligne qui suit « → » est ce qu’elle doit afficher.',
    contents: [
      'captures/  chaque page exactement telle qu’elle a été collectée (octets) et son rendu PDF avec bandeau',
      'archive/   les mêmes pages en fichiers WARC 1.1 et WACZ 1.1.1 (formats standard d’archives du web)',
      'timestamps/  jetons d’horodatage RFC 3161 (.tsr), le chemin de preuve de chaque page, le certificat de l’autorité s’il est connu',
      'CUSTODY.txt  chaque export de cette affaire depuis otkaz : qui, quand, quoi',
      'packet.json  les mêmes informations pour les programmes',
      'translations/  l’emplacement des traductions certifiées',
      'MANIFEST.sha256  l’empreinte SHA-256 de tous les autres fichiers',
    ],
    step1: 'Étape 1. Chaque fichier est intact (chaque ligne doit finir par « OK ») :',
    step1Note: 'Sous macOS : shasum -a 256 -c MANIFEST.sha256',
    step2: 'Étape 2. Les octets de chaque page mènent à une racine de Merkle horodatée (hachage RFC 6962 : 00 devant une feuille, 01 devant deux nœuds) :',
    step2Capture: (p) =>
      `Page n° ${p.captureId} : ${p.file}, SHA-256 ${p.sha256} (vérifiée à l’étape 1), feuille ${p.leafIndex + 1} sur ${p.leaves} de l’horodatage n° ${p.timestampId}.`,
    step2None: 'Aucune page de cette affaire n’est encore horodatée : les étapes 2 et 3 ne s’appliquent pas.',
    step3: 'Étape 3. L’autorité d’horodatage a signé cette racine à cette date (openssl doit afficher « Verification: OK ») :',
    step3Stamp: (s) => `Horodatage n° ${s.timestampId} : ${s.file}, date ${s.genTime} (UTC), autorité ${s.tsaUrl}, numéro de série ${s.serial}.`,
    caShipped: (p, fp) =>
      `Le certificat de l’autorité de certification est joint : ${p} (empreinte SHA-256 ${fp}). Comparez cette empreinte à celle que publie l’autorité ; mieux encore, utilisez une copie obtenue auprès de l’autorité elle-même.`,
    caMissing: 'Le certificat de l’autorité de certification n’est pas joint : obtenez-le auprès de l’autorité et indiquez son fichier après -CAfile.',
    proves:
      'Ce que prouve un horodatage : que ces octets précis (leur SHA-256) existaient au plus tard à la date de l’horodatage et n’ont pas changé depuis. Il ne prouve pas que le serveur du tribunal les a servis : cela repose sur la manière dont ils ont été collectés (les enregistrements WARC avec les en-têtes de requête et de réponse). Seul l’horodatage d’un prestataire de services de confiance qualifié bénéficie de la présomption d’exactitude de l’article 41 du règlement eIDAS (UE) n° 910/2014 ; tout autre ne peut toutefois être écarté comme preuve au seul motif qu’il est électronique.',
    pdf: 'Les PDF sont des copies de lecture rendues hors ligne à partir des octets collectés (scripts désactivés, sans réseau) ; la preuve, ce sont les octets eux-mêmes.',
    custody: 'Chaîne de conservation : CUSTODY.txt énumère chaque export de cette affaire, celui-ci compris.',
    translations:
      'Traductions certifiées : placez-les dans translations/. Elles sont ajoutées après l’export, MANIFEST.sha256 ne les couvre donc pas ; le traducteur les certifie d’après les fichiers nommés ici.',
    captureLine: (c) => `n° ${c.id}  ${c.retrievedAt ?? 'date inconnue'}  ${c.sha256}  ${c.url ?? ''}`,
  }),
};

function commandLines(command: SheetCommand): string[] {
  return [`    $ ${command.command}`, ...(command.expect !== undefined ? [`    → ${command.expect}`] : [])];
}

/** The sheet in one language (plain UTF-8 text). */
export function verificationSheet(language: SheetLanguage, facts: SheetFacts): string {
  const w = WORDS[language](facts);
  const lines: string[] = [w.title, ''];
  if (facts.synthetic) lines.push(w.synthetic, '');
  lines.push(w.intro, '', ...w.contents.map((c) => `  ${c}`), '');
  lines.push(...facts.captures.map((c) => `  ${w.captureLine(c)}`), '');
  lines.push(w.step1, ...commandLines({ command: 'sha256sum -c MANIFEST.sha256' }), `    (${w.step1Note})`, '');
  if (facts.proofs.length === 0) {
    lines.push(w.step2None, '');
  } else {
    lines.push(w.step2, '');
    for (const proof of facts.proofs) {
      lines.push(`  ${w.step2Capture(proof)}`);
      for (const step of proof.steps) lines.push(...commandLines(step));
      lines.push('');
    }
    lines.push(w.step3, '');
    for (const stamp of facts.stamps) lines.push(`  ${w.step3Stamp(stamp)}`, ...commandLines(stamp.verify), '');
    lines.push(facts.caFile && facts.caFingerprint ? w.caShipped(facts.caFile, facts.caFingerprint) : w.caMissing, '');
  }
  lines.push(w.proves, '', w.pdf, '', w.custody, '', w.translations, '');
  return lines.join('\n');
}

/** The note in translations/: where certified translations go, in the four languages. */
export function translationsNote(): string {
  return `${SHEET_LANGUAGES.map((language) => WORDS[language](EMPTY_FACTS).translations).join('\n\n')}\n`;
}

const EMPTY_FACTS: SheetFacts = {
  caseLabel: '',
  exportId: 0,
  exportedAt: '',
  synthetic: false,
  captures: [],
  stamps: [],
  proofs: [],
  caFile: null,
  caFingerprint: null,
};
