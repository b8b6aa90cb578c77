// Rate limits: infrastructure that every feature may use; it knows no feature.
export * from './back-off';
export * from './page-post-rate-limit.middleware';
export * from './rate-limit';
export * from './rate-limits.module';
export * from './rate-limits.service';
export * from './too-many-requests.page';
