"use client";
import ReactMarkdown, { type Components } from "react-markdown";

// Model output is untrusted: raw HTML is shown as literal, escaped text (react-markdown never renders it without a
// raw-HTML plugin, which we don't use), only http(s)/mailto links survive, and images are shown as their alt text
// (no remote fetches from an answer).

const SAFE_URL = /^(https?:|mailto:)/i;

export function safeUrl(url: string): string {
  return SAFE_URL.test(url.trim()) ? url : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline dark:text-blue-300">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span className="italic text-slate-500">[image: {alt || "no description"}]</span>,
};

export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-answer break-words text-sm leading-relaxed">
      <ReactMarkdown urlTransform={safeUrl} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
