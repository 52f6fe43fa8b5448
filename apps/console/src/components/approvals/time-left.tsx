"use client";

import { useEffect, useState } from "react";

/**
 * "4 min 10 s left", ticking each second; "expired" once the time is up. The first render uses
 * the server's clock (`renderedAt`), in the browser too: a client clock there would render
 * other text than the server's HTML, and React, mending the mismatch by rendering the page
 * afresh, would throw away what the approver had typed (the comment was lost so in a test).
 */
export function TimeLeft({ expiresAt, renderedAt }: { expiresAt: string; renderedAt: number }) {
  const deadline = new Date(expiresAt).getTime();
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((deadline - now) / 1000));
  if (seconds === 0) return <span className="font-medium text-red-700">expired</span>;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text = h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
  return (
    <time dateTime={expiresAt} className={seconds < 300 ? "font-medium text-amber-700" : ""}>
      {text} left
    </time>
  );
}
