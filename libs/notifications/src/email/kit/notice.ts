import { html, SafeHtml } from '@standpoint/html';
import { paragraph } from './components';
import { EmailRecipient, RenderedEmail } from './rendered-email';
import { subjectLine } from './format';
import { layout, textLayout } from './layout';

/** An email that tells something and asks for nothing: the same content written for both parts. */
export interface NoticeContent {
  brandName: string;
  subject: string;
  title: string;
  intro: string;
  html: SafeHtml[];
  text: string[];
}

export function noticeEmail(notice: NoticeContent, to: EmailRecipient): RenderedEmail {
  const greeting = `Hello ${to.name},`;
  return {
    subject: subjectLine(notice.subject),
    html: layout({
      brandName: notice.brandName,
      title: notice.title,
      preheader: notice.intro,
      body: html`${paragraph(greeting)}${paragraph(notice.intro)}${notice.html}`,
    }),
    text: textLayout(notice.brandName, notice.title, [greeting, notice.intro, ...notice.text]),
  };
}
