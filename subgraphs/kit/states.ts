/**
 * Mexico's 32 federal entities with their INEGI codes (the `State` key everywhere) and ISO 3166-2 codes.
 * Every subgraph resolves state names in its own sources (SHCP, INAI, action plans) through this one list.
 */
export interface StateCode {
  id: string;
  isoCode: string;
  name: string;
}

export const STATES: readonly StateCode[] = [
  { id: '01', isoCode: 'MX-AGU', name: 'Aguascalientes' },
  { id: '02', isoCode: 'MX-BCN', name: 'Baja California' },
  { id: '03', isoCode: 'MX-BCS', name: 'Baja California Sur' },
  { id: '04', isoCode: 'MX-CAM', name: 'Campeche' },
  { id: '05', isoCode: 'MX-COA', name: 'Coahuila de Zaragoza' },
  { id: '06', isoCode: 'MX-COL', name: 'Colima' },
  { id: '07', isoCode: 'MX-CHP', name: 'Chiapas' },
  { id: '08', isoCode: 'MX-CHH', name: 'Chihuahua' },
  { id: '09', isoCode: 'MX-CMX', name: 'Ciudad de México' },
  { id: '10', isoCode: 'MX-DUR', name: 'Durango' },
  { id: '11', isoCode: 'MX-GUA', name: 'Guanajuato' },
  { id: '12', isoCode: 'MX-GRO', name: 'Guerrero' },
  { id: '13', isoCode: 'MX-HID', name: 'Hidalgo' },
  { id: '14', isoCode: 'MX-JAL', name: 'Jalisco' },
  { id: '15', isoCode: 'MX-MEX', name: 'México' },
  { id: '16', isoCode: 'MX-MIC', name: 'Michoacán de Ocampo' },
  { id: '17', isoCode: 'MX-MOR', name: 'Morelos' },
  { id: '18', isoCode: 'MX-NAY', name: 'Nayarit' },
  { id: '19', isoCode: 'MX-NLE', name: 'Nuevo León' },
  { id: '20', isoCode: 'MX-OAX', name: 'Oaxaca' },
  { id: '21', isoCode: 'MX-PUE', name: 'Puebla' },
  { id: '22', isoCode: 'MX-QUE', name: 'Querétaro' },
  { id: '23', isoCode: 'MX-ROO', name: 'Quintana Roo' },
  { id: '24', isoCode: 'MX-SLP', name: 'San Luis Potosí' },
  { id: '25', isoCode: 'MX-SIN', name: 'Sinaloa' },
  { id: '26', isoCode: 'MX-SON', name: 'Sonora' },
  { id: '27', isoCode: 'MX-TAB', name: 'Tabasco' },
  { id: '28', isoCode: 'MX-TAM', name: 'Tamaulipas' },
  { id: '29', isoCode: 'MX-TLA', name: 'Tlaxcala' },
  { id: '30', isoCode: 'MX-VER', name: 'Veracruz de Ignacio de la Llave' },
  { id: '31', isoCode: 'MX-YUC', name: 'Yucatán' },
  { id: '32', isoCode: 'MX-ZAC', name: 'Zacatecas' },
];

/** Folds accents, case and the long official forms so "Veracruz", "VERACRUZ DE IGNACIO DE LA LLAVE" and "San Luis Potosi" match. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\b(estado de|de zaragoza|de ocampo|de ignacio de la llave)\b/g, '')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const byFoldedName = new Map<string, StateCode>([
  ...STATES.map((state) => [fold(state.name), state] as const),
  ['mexico', STATES[14]],
  ['distrito federal', STATES[8]],
  ['cdmx', STATES[8]],
]);

export function stateByName(name: string): StateCode | undefined {
  return byFoldedName.get(fold(name));
}

export function stateById(id: string | number): StateCode | undefined {
  const code = String(id).padStart(2, '0');
  return STATES.find((state) => state.id === code);
}

/** `MX-TLA` → `TLA`: the short code action-plan ids use (`MX-TLA-PAL-2016`). */
export function stateShortCode(state: StateCode): string {
  return state.isoCode.slice(3);
}
