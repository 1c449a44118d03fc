/* Private folders and files for the stores: folders 0700, files 0600. */
#ifndef TIMCONV_FSUTIL_H_
#define TIMCONV_FSUTIL_H_

/* Creates path and its missing parents with mode 0700 (existing folders are left as they are).
 * 0 on success, else an errno value. */
int fs_make_private_dirs(const char *path);

/* Creates the file if missing (never following a symlink) and sets its mode to 0600.
 * 0 on success, else an errno value. */
int fs_make_private_file(const char *path);

#endif  /* TIMCONV_FSUTIL_H_ */
