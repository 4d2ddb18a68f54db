// std.exit(3): output written so far is flushed, nothing after runs
import * as std from 'qjs:std';
print('before exit');
std.out.puts('unflushed std.out text\n');
std.exit(3);
print('not reached');
