// The house look of every email, for the features' templates: the layout, its components, the text
// part and the formatting of dates and subjects. Plain functions of their input.
export * from './components';
export * from './format';
export * from './layout';
export * from './notice';
export * from './rendered-email';
export * from './text';
