/* The Pro Santé Connect error page needs no behaviour: its links are plain navigation. */
