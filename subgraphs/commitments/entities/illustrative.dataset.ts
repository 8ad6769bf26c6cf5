/** The illustrative files the detail layer is read from, relative to the data folder. */
export const DETAILS_FILE = 'illustrative/commitment-details.csv';
export const MILESTONES_FILE = 'illustrative/commitment-milestones.csv';
export const EVALUATIONS_FILE = 'illustrative/commitment-evaluations.csv';
export const ILLUSTRATIVE_DATASET = 'illustrative';
