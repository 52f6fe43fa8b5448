"use client";

import { useEffect, useState } from "react";

/** "4 min 10 s left", ticking each second; "expired" once the time is up. */
export function TimeLeft({ expiresAt }: { expiresAt: string }) {
  const deadline = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
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
