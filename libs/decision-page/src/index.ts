// The decision page's public surface; other features import only from here.
export * from './decision-page.module';
export * from './anti-forgery';
// What the account page shares with this one: the page frame, its headers, the form's fields.
export * from './form-fields.decorator';
export * from './page/layout';
export * from './page/notice.view';
export * from './page/page-response';
