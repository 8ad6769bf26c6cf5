/**
 * Federal ramos by the names the Cuenta Pública publishes (it gives names, never codes), with their two-digit codes
 * from the SHCP catalogue (the `id_ramo`/`desc_ramo` pairs of the OFDP budget files). A ramo keeps its code when the
 * ministry is renamed (2019: SAGARPA → Agricultura y Desarrollo Rural, SEDESOL → Bienestar; 2022: Infraestructura,
 * Comunicaciones y Transportes); a new body gets a new one (36 Seguridad y Protección Ciudadana, 2019; 49 the
 * autonomous Fiscalía General de la República, 2020, which until 2019 was ramo 17, the Procuraduría). The legislative
 * and judicial branches are published per body; each body belongs to its branch's ramo.
 */
const RAMOS: Record<string, string> = {
  'Oficina de la Presidencia de la República': '02',
  'Presidencia de la República': '02',
  Gobernación: '04',
  'Relaciones Exteriores': '05',
  'Hacienda y Crédito Público': '06',
  'Defensa Nacional': '07',
  'Agricultura, Ganadería, Desarrollo Rural, Pesca y Alimentación': '08',
  'Agricultura y Desarrollo Rural': '08',
  'Comunicaciones y Transportes': '09',
  'Infraestructura, Comunicaciones y Transportes': '09',
  Economía: '10',
  'Educación Pública': '11',
  Salud: '12',
  Marina: '13',
  'Trabajo y Previsión Social': '14',
  'Desarrollo Agrario, Territorial y Urbano': '15',
  'Medio Ambiente y Recursos Naturales': '16',
  'Procuraduría General de la República': '17',
  Energía: '18',
  'Aportaciones a Seguridad Social': '19',
  'Desarrollo Social': '20',
  Bienestar: '20',
  Turismo: '21',
  'Instituto Federal Electoral': '22',
  'Instituto Nacional Electoral': '22',
  'Provisiones Salariales y Económicas': '23',
  'Deuda Pública': '24',
  'Previsiones y Aportaciones para los Sistemas de Educación Básica, Normal, Tecnológica y de Adultos': '25',
  'Función Pública': '27',
  'Participaciones a Entidades Federativas y Municipios': '28',
  'Adeudos de Ejercicios Fiscales Anteriores': '30',
  'Tribunales Agrarios': '31',
  'Tribunal Federal de Justicia Fiscal y Administrativa': '32',
  'Tribunal Federal de Justicia Administrativa': '32',
  'Aportaciones Federales para Entidades Federativas y Municipios': '33',
  'Erogaciones para los Programas de Apoyo a Ahorradores y Deudores de la Banca': '34',
  'Comisión Nacional de los Derechos Humanos': '35',
  'Seguridad y Protección Ciudadana': '36',
  'Consejería Jurídica del Ejecutivo Federal': '37',
  'Consejo Nacional de Ciencia y Tecnología': '38',
  'Información Nacional Estadística y Geográfica': '40',
  'Instituto Nacional de Estadística y Geografía': '40',
  'Comisión Federal de Competencia Económica': '41',
  'Instituto Nacional para la Evaluación de la Educación': '42',
  'Instituto Federal de Telecomunicaciones': '43',
  'Instituto Federal de Acceso a la Información y Protección de Datos': '44',
  'Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos Personales': '44',
  'Comisión Reguladora de Energía': '45',
  'Comisión Nacional de Hidrocarburos': '46',
  'Entidades no Sectorizadas': '47',
  Cultura: '48',
  'Fiscalía General de la República': '49',
};

const BODIES: Record<string, string> = {
  'H. Cámara de Diputados': '01',
  'H. Cámara de Senadores': '01',
  'Auditoría Superior de la Federación': '01',
  'Suprema Corte de Justicia de la Nación': '03',
  'Consejo de la Judicatura Federal': '03',
  'Tribunal Electoral del Poder Judicial de la Federación': '03',
};

/** Spelling-insensitive key: Unicode form, any whitespace (incl. no-break spaces), case, and a later-name note dropped. */
function normalised(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*\(Ahora [^)]*\)\s*$/i, '')
    .trim()
    .toLowerCase();
}

const byName = new Map<string, { code: string; body: boolean }>([
  ...Object.entries(RAMOS).map(([name, code]) => [normalised(name), { code, body: false }] as const),
  ...Object.entries(BODIES).map(([name, code]) => [normalised(name), { code, body: true }] as const),
]);

/**
 * The ramo code of a published ramo or body name; `body` is true for a chamber, audit office or court, which shares
 * its ramo (and program keys) with the other bodies of its branch. Names may carry the ministry's later name
 * ("Desarrollo Social (Ahora Bienestar)").
 */
export function ramoByName(name: string): { code: string; body: boolean } | undefined {
  return byName.get(normalised(name));
}

/** The bodies a branch's ramo is published as (01: the chambers and the audit office; 03: the courts), by name. */
export function bodiesOfRamo(code: string): string[] {
  return Object.entries(BODIES)
    .filter(([, ramo]) => ramo === code)
    .map(([name]) => name);
}

/** Whether two published names denote the same ramo or body (same spelling-insensitive key). */
export function sameRamoName(a: string, b: string): boolean {
  return normalised(a) === normalised(b);
}
