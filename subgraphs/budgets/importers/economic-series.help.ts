/** How consumer-prices and gdp load: the help both give. */
export const WHOLE_SERIES = 'All or nothing: a series with one bad row is not loaded. Values keep every published decimal (at most six).';
