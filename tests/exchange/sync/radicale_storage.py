"""Radicale's file storage with an index of the UIDs in each collection (the test server's ``[storage] type``).

Measured (benchmarks/sync_dav.py): stock Radicale spends O(items) on every
new item: ``has_uid`` reads every item of the collection from its cache to
refuse a second card with the same UID, and ``_clean_history`` lists the
whole history folder. 1,000 plain PUTs (http.client, no app code) cost 31 s
of Radicale CPU, 5,000 about 775 s: the server's floor, whatever a client
does. This storage answers ``has_uid`` from a dictionary kept per collection
(built once from the items, kept on upload and delete: the server is the only
writer of its folder) and cleans the history at most once a minute. Every
other path (ETags, sync tokens, REPORTs, the refusal of a duplicate UID) is
Radicale's own.
"""

from __future__ import annotations

import os
import threading
import time

from radicale.storage import multifilesystem

_LOCK = threading.Lock()
_UIDS: dict[str, dict[str, str]] = {}  # collection folder -> {uid: href}
_CLEANED: dict[str, float] = {}


class Collection(multifilesystem.Collection):
    def _uid_index(self) -> dict[str, str]:
        with _LOCK:
            index = _UIDS.get(self._filesystem_path)
        if index is None:
            index = {item.uid: item.href for item in self.get_all()}
            with _LOCK:
                _UIDS[self._filesystem_path] = index
        return index

    def has_uid(self, uid: str) -> bool:
        return uid in self._uid_index()

    def _fault(self) -> None:
        """The tests' faults: a file ``.fail-writes`` in the storage folder makes every write a 500,
        ``.slow-writes`` makes each one take 5 s (a client with a shorter timeout sees no answer)."""
        root = self._storage.configuration.get("storage", "filesystem_folder")
        if os.path.exists(os.path.join(root, ".fail-writes")):
            raise RuntimeError("the tests asked for a failing write")
        if os.path.exists(os.path.join(root, ".slow-writes")):
            time.sleep(5)

    def upload(self, href, item):
        self._fault()
        index = self._uid_index()
        uploaded, replaced = super().upload(href, item)
        with _LOCK:
            if replaced is not None:
                index.pop(replaced.uid, None)
            index[uploaded.uid] = href
        return uploaded, replaced

    def delete(self, href=None):
        if href is None:
            super().delete(href)
            with _LOCK:
                for path in [p for p in _UIDS if p == self._filesystem_path or p.startswith(self._filesystem_path + "/")]:
                    del _UIDS[path]
            return
        old = self._get(href, verify_href=False)
        super().delete(href)
        if old is not None:
            with _LOCK:
                _UIDS.get(self._filesystem_path, {}).pop(old.uid, None)

    def _clean_history(self) -> None:
        now = time.monotonic()
        if now - _CLEANED.get(self._filesystem_path, 0.0) >= 60:
            _CLEANED[self._filesystem_path] = now
            super()._clean_history()


class Storage(multifilesystem.Storage):
    _collection_class = Collection
