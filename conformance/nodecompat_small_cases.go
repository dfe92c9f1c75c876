package conformance

// nodecompatSmallCases cover the smaller node: modules of nodejs_compat
// (bindings/node_small.go) at the default date: each module's exports, and
// one path per module for what its functions do
// (workers/nodecompat-small.js).
var nodecompatSmallCases = []Case{
	differing(Case{Name: "nodecompat_small", Script: "workers/nodecompat-small.js", Run: func(s *Session) {
		for _, route := range []string{"/shape", "/os", "/querystring", "/util_types", "/stream", "/timers_promises", "/diagnostics_channel", "/punycode", "/perf_hooks", "/process", "/buffer", "/console", "/exit"} {
			recordLines(s, "GET", route, "")
		}
	}}, nodecompatSmallDiffers...),
}

// nodecompatSmallDiffers are where workerhost answers otherwise, each
// with why.
var nodecompatSmallDiffers = []Difference{
	{Workerd: "  | isAsyncFunction: async fn,async gen fn", Workerhost: "  | isAsyncFunction: async fn", Why: asyncGeneratorsLowered},
	{Workerd: "  | isGeneratorFunction: gen fn,async gen fn", Workerhost: "  | isGeneratorFunction: gen fn", Why: asyncGeneratorsLowered},
	{Workerd: "  | stderr: [egsc] SyncWriteStream{_events,_isStdio,_maxListeners,_type,_writableState,allowHalfOpen,bufferSize,bytesRead,bytesWritten,connecting,domain,fd,pending,readable}", Workerhost: "  | stderr: [egsc] SyncWriteStream{_events,_eventsCount,_maxListeners,_s,_w,domain,fd,readable}", Why: processStdio},
	{Workerd: "  | stdin: [egsc] ReadStream{_construct,_destroy,_events,_eventsCount,_maxListeners,_read,_readableState,allowHalfOpen,bufferSize,bytesRead,connecting,domain,end,fd}", Workerhost: "  | stdin: [egsc] ReadStream{_events,_eventsCount,_maxListeners,_r,_s,domain,fd}", Why: processStdio},
	{Workerd: "  | stdout: [egsc] SyncWriteStream{_events,_isStdio,_maxListeners,_type,_writableState,allowHalfOpen,bufferSize,bytesRead,bytesWritten,connecting,domain,fd,pending,readable}", Workerhost: "  | stdout: [egsc] SyncWriteStream{_events,_eventsCount,_maxListeners,_s,_w,domain,fd,readable}", Why: processStdio},
}

// processStdio is why process.stdin, stdout and stderr show other members.
const processStdio = "process.stdin, stdout and stderr are node:stream streams (js/node_stream.js), which keep their state in other fields than Node's"

// asyncGeneratorsLowered is why util.types cannot tell an async generator
// function: goja has none, so esbuild lowers it to a plain function.
const asyncGeneratorsLowered = "goja has no async generators; esbuild lowers one to a plain function returning an iterator, which util.types cannot tell apart"

// nodecompatShellsCases cover the node: modules workerd gives as shells
// (bindings/node_shells.go): each module's exports, each function called
// with no arguments and each class constructed (workers/nodecompat-shells.js).
var nodecompatShellsCases = []Case{
	differing(Case{Name: "nodecompat_shells", Script: "workers/nodecompat-shells.js", Run: func(s *Session) {
		for _, name := range []string{"worker_threads", "module", "console", "constants", "readline", "readline/promises", "tty", "v8", "vm",
			"child_process", "cluster", "inspector", "inspector/promises", "trace_events", "wasi", "domain", "repl", "http2", "behaviour"} {
			recordLines(s, "GET", "/"+name, "")
		}
	}}, nodecompatShellsDiffers...),
}

// nodecompatShellsDiffers are where workerhost answers otherwise, each
// with why.
var nodecompatShellsDiffers = []Difference{
	{Workerd: "  | ._stderr: SyncWriteStream{_events,_isStdio,_maxListeners,_type,_writableState,allowHalfOpen,bufferSize,bytesRead,bytesWritten,connecting,domain,fd,...}", Workerhost: "  | ._stderr: SyncWriteStream{_events,_eventsCount,_maxListeners,_s,_w,domain,fd,readable}", Why: ttyStreams},
	{Workerd: "  | ._stdout: SyncWriteStream{_events,_isStdio,_maxListeners,_type,_writableState,allowHalfOpen,bufferSize,bytesRead,bytesWritten,connecting,domain,fd,...}", Workerhost: "  | ._stdout: SyncWriteStream{_events,_eventsCount,_maxListeners,_s,_w,domain,fd,readable}", Why: ttyStreams},
	{Workerd: "  | new .ReadStream: -> ReadStream{fd,isRaw,isTTY}", Workerhost: "  | new .ReadStream: -> ReadStream{_allowHalfOpen,_events,_eventsCount,_maxListeners,_r,_s,_w,domain,fd,isRaw,isTTY}", Why: ttyStreams},
	{Workerd: "  |   proto: ReadStream[setRawMode] < Socket[_bytesDispatched,_connecting,_destroy,_final,_getpeername,_getsockname,_onTimeout,_read,_reset,_unrefTimer,_write,_writeGeneric,_writev,address,bufferSize,bytesRead,bytesWritten,connect,destroySoon,end,localAddress,localFamily,localPort,pause,pending,read,readyState,ref,remoteAddress,remoteFamily,remotePort,resetAndDestroy,resume,setKeepAlive,setNoDelay,setTimeout,unref] < Duplex[_write,_writev,cork,destroy,destroyed,end,setDefaultEncoding,uncork,writable,writableBuffer,writableCorked,writableEnded,writableFinished,writableHighWaterMark,writableLength,writableNeedDrain,writableObjectMode,write] < Readable[_destroy,_read,_undestroy,addListener,asIndexedPairs,closed,destroy,destroyed,drop,errored,every,filter,find,flatMap,forEach,isPaused,iterator,map,off,on,pause,pipe,push,read,readable,readableAborted,readableBuffer,readableDidRead,readableEncoding,readableEnded,readableFlowing,readableHighWaterMark,readableLength,readableObjectMode,reduce,removeAllListeners,removeListener,resume,setEncoding,some,take,toArray,unpipe,unshift,wrap] < Stream[pipe] < EventEmitter[_events,_eventsCount,_maxListeners,addListener,emit,eventNames,getMaxListeners,listenerCount,listeners,off,on,once,prependListener,prependOnceListener,rawListeners,removeAllListeners,removeListener,setMaxListeners]", Workerhost: "  |   proto: ReadStream[setRawMode] < Socket[] < Duplex[_initWritable,_write,allowHalfOpen,cork,destroy,end,setDefaultEncoding,uncork,writable,writableAborted,writableCorked,writableEnded,writableFinished,writableHighWaterMark,writableLength,writableNeedDrain,writableObjectMode,write] < Readable[_destroy,_initReadable,_read,addListener,asIndexedPairs,closed,compose,destroy,destroyed,drop,errored,every,filter,find,flatMap,forEach,isPaused,iterator,map,off,on,once,pause,pipe,prependListener,push,read,readable,readableAborted,readableDidRead,readableEncoding,readableEnded,readableFlowing,readableHighWaterMark,readableLength,readableObjectMode,reduce,removeAllListeners,removeListener,resume,setEncoding,some,take,toArray,unpipe,unshift,wrap] < Stream[pipe] < EventEmitter[_events,_eventsCount,_maxListeners,addListener,emit,eventNames,getMaxListeners,listenerCount,listeners,off,on,once,prependListener,prependOnceListener,rawListeners,removeAllListeners,removeListener,setMaxListeners]", Why: ttyStreams},
	{Workerd: "  | new .WriteStream: -> WriteStream{columns,fd,rows}", Workerhost: "  | new .WriteStream: -> WriteStream{_allowHalfOpen,_events,_eventsCount,_maxListeners,_r,_s,_w,columns,domain,fd,rows}", Why: ttyStreams},
	{Workerd: "  |   proto: WriteStream[_refreshSize,clearLine,clearScreenDown,cursorTo,getColorDepth,getWindowSize,hasColors,isTTY,moveCursor] < Socket[_bytesDispatched,_connecting,_destroy,_final,_getpeername,_getsockname,_onTimeout,_read,_reset,_unrefTimer,_write,_writeGeneric,_writev,address,bufferSize,bytesRead,bytesWritten,connect,destroySoon,end,localAddress,localFamily,localPort,pause,pending,read,readyState,ref,remoteAddress,remoteFamily,remotePort,resetAndDestroy,resume,setKeepAlive,setNoDelay,setTimeout,unref] < Duplex[_write,_writev,cork,destroy,destroyed,end,setDefaultEncoding,uncork,writable,writableBuffer,writableCorked,writableEnded,writableFinished,writableHighWaterMark,writableLength,writableNeedDrain,writableObjectMode,write] < Readable[_destroy,_read,_undestroy,addListener,asIndexedPairs,closed,destroy,destroyed,drop,errored,every,filter,find,flatMap,forEach,isPaused,iterator,map,off,on,pause,pipe,push,read,readable,readableAborted,readableBuffer,readableDidRead,readableEncoding,readableEnded,readableFlowing,readableHighWaterMark,readableLength,readableObjectMode,reduce,removeAllListeners,removeListener,resume,setEncoding,some,take,toArray,unpipe,unshift,wrap] < Stream[pipe] < EventEmitter[_events,_eventsCount,_maxListeners,addListener,emit,eventNames,getMaxListeners,listenerCount,listeners,off,on,once,prependListener,prependOnceListener,rawListeners,removeAllListeners,removeListener,setMaxListeners]", Workerhost: "  |   proto: WriteStream[_refreshSize,clearLine,clearScreenDown,cursorTo,getColorDepth,getWindowSize,hasColors,isTTY,moveCursor] < Socket[] < Duplex[_initWritable,_write,allowHalfOpen,cork,destroy,end,setDefaultEncoding,uncork,writable,writableAborted,writableCorked,writableEnded,writableFinished,writableHighWaterMark,writableLength,writableNeedDrain,writableObjectMode,write] < Readable[_destroy,_initReadable,_read,addListener,asIndexedPairs,closed,compose,destroy,destroyed,drop,errored,every,filter,find,flatMap,forEach,isPaused,iterator,map,off,on,once,pause,pipe,prependListener,push,read,readable,readableAborted,readableDidRead,readableEncoding,readableEnded,readableFlowing,readableHighWaterMark,readableLength,readableObjectMode,reduce,removeAllListeners,removeListener,resume,setEncoding,some,take,toArray,unpipe,unshift,wrap] < Stream[pipe] < EventEmitter[_events,_eventsCount,_maxListeners,addListener,emit,eventNames,getMaxListeners,listenerCount,listeners,off,on,once,prependListener,prependOnceListener,rawListeners,removeAllListeners,removeListener,setMaxListeners]", Why: ttyStreams},
}

// ttyStreams is why tty's streams show other members than workerd's.
const ttyStreams = "tty's ReadStream and WriteStream extend node:stream's Duplex (js/node_stream.js), which keeps its state in other fields than Node's, through a stand-in for node:net's Socket"

// consoleStreams is why console._stdout and _stderr show other members.
const consoleStreams = "console._stdout and _stderr are node:stream Writables (js/node_stream.js), which keep their state in other fields than Node's"
