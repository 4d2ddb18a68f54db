/* opendir/readdir/scandir/mkdir/rmdir in the scratch directory argv[1]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char **)a, *(char **)b); }

int main(int argc, char **argv)
{
	if (argc < 2 || chdir(argv[1])) { perror("chdir"); return 1; }
	printf("mkdir %d\n", mkdir("d", 0755));
	char name[64];
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "d/file%02d", i);
		int fd = open(name, O_CREAT | O_WRONLY, 0644);
		close(fd);
	}
	mkdir("d/sub", 0755);
	symlink("file00", "d/link");
	DIR *dir = opendir("d");
	if (!dir) { perror("opendir"); return 1; }
	char *names[64];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		char t = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : e->d_type == DT_LNK ? 'l' : '?';
		char *s = malloc(strlen(e->d_name) + 3);
		sprintf(s, "%s:%c", e->d_name, t);
		names[n++] = s;
	}
	closedir(dir);
	qsort(names, n, sizeof names[0], cmp);
	printf("%d entries:", n);
	for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
	printf("\n");

	struct dirent **list;
	int m = scandir("d", &list, 0, alphasort);
	printf("scandir %d first %s last %s\n", m, list[0]->d_name, list[m - 1]->d_name);
	for (int i = 0; i < m; i++) free(list[i]);
	free(list);

	for (int i = 0; i < 50; i++) { snprintf(name, sizeof name, "d/file%02d", i); unlink(name); }
	unlink("d/link");
	printf("rmdir sub %d\n", rmdir("d/sub"));
	printf("rmdir d %d\n", rmdir("d"));
	printf("opendir gone %d\n", opendir("d") == NULL);
	char cwd[4096];
	printf("getcwd ok %d\n", getcwd(cwd, sizeof cwd) != 0);
	return 0;
}
