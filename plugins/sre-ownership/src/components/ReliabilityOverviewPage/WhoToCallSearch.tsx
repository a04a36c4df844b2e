import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useRef, useState } from 'react';
import { ErrorState, LoadingState } from '../states';
import { AnswerCard } from './AnswerCard';
import { useOverview } from './useOverview';

function Answers(props: { query: string }) {
  const state = useOverview(api => api.whoToCall(props.query), [props.query]);
  if (state.error) return <ErrorState error={state.error} subject="answers" />;
  if (!state.value) return <LoadingState />;
  const { answers, totalMatches } = state.value;
  if (!answers.length) {
    return (
      <Typography role="status" color="textSecondary">
        Nothing you may read matches “{props.query}”. Try a service, team,
        person, tag or a role such as “SLO guard payments”.
      </Typography>
    );
  }
  return (
    <div aria-live="polite">
      <Typography variant="caption" color="textSecondary">
        {totalMatches} match{totalMatches === 1 ? '' : 'es'}
        {totalMatches > answers.length
          ? `, the best ${answers.length} shown`
          : ''}
      </Typography>
      {answers.map(answer => (
        <AnswerCard key={answer.entityRef} answer={answer} />
      ))}
    </div>
  );
}

/**
 * The "Who do I call?" box: focused on arrival and on "/", Enter searches,
 * Escape clears; the query lives in the address (`?q=`) so an answer can be shared.
 */
export function WhoToCallSearch(props: {
  query: string;
  onQuery: (query: string) => void;
}) {
  const { query, onQuery } = props;
  const [text, setText] = useState(query);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => setText(query), [query]);
  // Keyboard first: the box has the focus on arrival, and "/" brings it back.
  useEffect(() => {
    box.current?.focus();
    const onSlash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea')) return;
      event.preventDefault();
      box.current?.focus();
    };
    document.addEventListener('keydown', onSlash);
    return () => document.removeEventListener('keydown', onSlash);
  }, []);
  return (
    <>
      <TextField
        inputRef={box}
        fullWidth
        variant="outlined"
        label="Who do I call about…"
        placeholder="payments, jane doe, SLO guard search — press / to come back here"
        value={text}
        onChange={event => setText(event.target.value)}
        onKeyDown={event => {
          if (event.key === 'Enter') onQuery(text.trim());
          if (event.key === 'Escape') {
            setText('');
            onQuery('');
          }
        }}
        inputProps={{ 'aria-label': 'Who do I call about', role: 'searchbox' }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
      {query ? <Answers query={query} /> : null}
    </>
  );
}
